import MarkdownIt from 'markdown-it';
import { codeSpan, encodePath, escapeMarkdown, plainText, showControls, tableCell } from '../../src/report/markdown-escape.js';

const md = new MarkdownIt({ html: true, linkify: true });
/** The inline HTML markdown-it makes of one paragraph. */
const inline = (markdown: string): string => md.renderInline(markdown);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
/** The text a reader sees in markdown-it's HTML (which has no tags here). */
const decode = (html: string): string => html.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ENTITIES[name]!);

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['[link](https://evil.example)', '[link](https\u200b://evil.example)'],
    ['![img](x.png)', '![img](x.png)'],
    ['**bold** _em_ ~~del~~', '**bold** _em_ ~~del~~'],
    ['a\n# heading', 'a\\n# heading'],
    ['&amp; &lt;b&gt;', '&amp; &lt;b&gt;'],
    ['`code`', '`code`'],
    ['__init__.py', '__init__.py'],
    ['$x^2$', '$x^2$'],
  ])('renders %j as that text, no markup', (text, shown) => {
    const html = inline(escapeMarkdown(text));
    expect(html).not.toMatch(/<(?!\/?p>)[a-z!]/i);
    expect(decode(html)).toBe(shown);
  });

  it('cannot start a block when it starts a line', () => {
    for (const text of ['# h', '- item', '+ item', '1. item', '2) item', '    indented code', '> quote', '=== ', '---', '***', '<details>']) {
      const html = md.render(escapeMarkdown(text));
      expect(html).toMatch(/^<p>[^<]*<\/p>\n$/);
    }
  });

  it('breaks GitHub mentions, issue references and bare URLs with a zero-width space, and leaves intraword `_` and `@`-less text alone', () => {
    expect(escapeMarkdown('@user @org/team')).toBe('@\u200buser @\u200borg/team');
    expect(escapeMarkdown('see #123 owner/repo#45 GH-7')).toBe('see #\u200b123 owner/repo#\u200b45 GH-\u200b7');
    expect(escapeMarkdown('see https://x.example and www.x.example')).toBe('see https\u200b://x.example and www\u200b.x.example');
    expect(escapeMarkdown('max_comments is not a known key (line 2)')).toBe('max_comments is not a known key (line 2)');
  });
});

describe('codeSpan', () => {
  it.each([
    ['os.system(cmd)', '`os.system(cmd)`'],
    ['a`b', '``a`b``'],
    ['`start', '`` `start ``'],
    ['end`', '`` end` ``'],
    ['x ``` y', '````x ``` y````'],
    ['', '` `'],
  ])('fences %j longer than any backtick run inside', (code, span) => {
    expect(codeSpan(code)).toBe(span);
    const html = inline(span);
    expect(html).toMatch(/^<code>[^<]*<\/code>$/);
    expect(decode(html.slice(6, -7))).toBe(code || ' ');
  });

  it('keeps HTML inert, shows newlines and breaks a fingerprint marker so raw-text scans miss it', () => {
    expect(inline(codeSpan('<img src=x onerror=y>'))).toBe('<code>&lt;img src=x onerror=y&gt;</code>');
    expect(codeSpan('a\n# b')).toBe('`a\\n# b`');
    expect(codeSpan('<!-- diffsec:fp=DS101:0123456789abcdef -->')).not.toContain('<!--');
  });
});

describe('tableCell, encodePath, plain text', () => {
  it('escapes every pipe, also inside code, so a cell never splits', () => {
    const row = `| ${tableCell(escapeMarkdown('a|b'))} | ${tableCell(codeSpan('x | y'))} |`;
    const html = md.render(`| one | two |\n|---|---|\n${row}\n`);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<td>a|b</td>');
    expect(html).toContain('<td><code>x | y</code></td>');
  });

  it('percent-encodes everything that could end a link destination', () => {
    expect(encodePath('src/a (1)/x).py')).toBe('src/a%20%281%29/x%29.py');
    expect(encodePath('we]ird<>|#?.py')).toBe('we%5Dird%3C%3E%7C%23%3F.py');
    const html = inline(`[x](https://h/blob/s/${encodePath('a)](https://evil/')}#L1)`);
    expect(html.match(/href="([^"]*)"/)![1]).toBe('https://h/blob/s/a%29%5D%28https%3A//evil/#L1');
  });

  it('shows control, separator and bidi characters and keeps tabs and ordinary Unicode', () => {
    expect(showControls('a\nb\r\x1b[2J\x00\x9b\u2028\u202e\u200b\tç€')).toBe('a\\nb\\r\\x1b[2J\\x00\\x9b\\u2028\\u202e\\u200b\tç€');
    expect(plainText('<b>@x</b>')).toBe('<b>@x</b>');
  });
});
