import MarkdownIt from 'markdown-it';
import { fillMessage, fillTemplate } from '../../src/analysis/fill-template.js';

const md = new MarkdownIt({ html: true, linkify: true });

describe('fillTemplate', () => {
  it('fills raw values, as a fix needs them, and leaves unknown placeholders', () => {
    expect(fillTemplate('subprocess.run({args}, `x`) {other}', { args: 'a`<b>' })).toBe('subprocess.run(a`<b>, `x`) {other}');
  });
});

describe('fillMessage', () => {
  it('is the plain fill when the code holds no backtick', () => {
    expect(fillMessage('`{callee}` runs `{command}` through a shell (`shell=True`).', { callee: 'os.system', command: 'cmd' })).toBe(
      '`os.system` runs `cmd` through a shell (`shell=True`).',
    );
  });

  it('fences a whole backtick-quoted stretch longer than any backtick run of its values', () => {
    const message = fillMessage('`{callee}({code})` runs Python built at run time', { callee: 'eval', code: 'f"`{x}`<img src=y>"' });
    expect(message).toBe('``eval(f"`{x}`<img src=y>")`` runs Python built at run time');
    expect(md.renderInline(message)).toBe('<code>eval(f&quot;`{x}`&lt;img src=y&gt;&quot;)</code> runs Python built at run time');
  });

  it('escapes a value placed outside backticks and leaves an unknown placeholder as written', () => {
    const message = fillMessage('`{finding}` reaches {sink}, {missing}', { finding: 'e', sink: '[x](https://evil) @team <b>' });
    expect(md.renderInline(message)).toBe('<code>e</code> reaches [x](https\u200b://evil) @\u200bteam &lt;b&gt;, {missing}');
  });
});
