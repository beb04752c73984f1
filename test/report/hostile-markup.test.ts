import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { fillMessage, shortCode } from '../../src/analysis/fill-template.js';
import { scanSource } from '../../src/analysis/scan-source.js';
import type { Finding } from '../../src/findings/finding.js';
import { completeCheckRun } from '../../src/github/check-run.js';
import type { GitHubClient } from '../../src/github/github-client.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { renderCheckRunSummary, renderFailureSummary, type CheckRunInput } from '../../src/report/check-run-output.js';
import { renderText } from '../../src/report/render-text.js';
import { markersIn, renderReviewComment } from '../../src/report/review-comment.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import type { Rule } from '../../src/rules/rule.js';
import { makeFinding, makeStats } from '../helpers/make-finding.js';
import { mulberry32 } from '../robustness/random.js';

/*
 * Property: whatever a pull request puts in a file name, in code a message quotes, in a
 * suppression comment, or a repository in its config, every renderer's markdown has exactly the
 * structure it has with a harmless `x` in that place (same blocks, tags, links, code spans), as a
 * real CommonMark renderer (markdown-it, with raw HTML and bare-URL links on, like GitHub) parses
 * it; no text node carries what GitHub would turn into a mention, a reference or a link; no
 * fingerprint marker but diffsec's own is in the raw text; annotations and terminal text hold no
 * control characters.
 */

const SEED = 0x5eed14;
const CASES = 400;

const md = new MarkdownIt({ html: true, linkify: true });
// GitHub links bare `www.` and `http(s)://` text and e-mail addresses, not every `name.tld`.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: true });

const HOSTILE = [
  '\n# heading', '\r\n## heading', '\n\n---\n', '\u2028# heading', '\u2029', '\r', '\n- item', '\n1. item', '\n> quote', '\n    code',
  '<details>', '</details>', '<summary>s</summary>', '<img src=x onerror=alert(1)>', '<a href="https://evil.example">a</a>', '<script>alert(1)</script>', '<!--', '-->', '<b',
  '[link](https://evil.example)', '![img](https://evil.example/x.png)', '[ref]: https://evil.example', '](', ')', '(', ']', '[', '[x][ref]', '<https://evil.example>',
  '@user', '@org/team', '@', '#123', 'owner/repo#123', 'GH-12', 'https://evil.example/x', 'www.evil.example', 'a@b.example', 'deadbeefcafe1234deadbeef',
  '`', '``', '```', '````', '`````', '``````', ' `', '` ', '|', '||', '\\|', '\\', '\\`', '\\\\',
  '\x1b[31m', '\x1b]0;title\x07', '\x1b[2J', '\x9b2J', '\x00', '\x7f', '\t', '\u202e', '\u200b', '\ufeff',
  '<!-- diffsec:fp=DS101:0123456789abcdef -->', '\n<!-- diffsec:fp=DS102:fedcba9876543210 -->\n', 'diffsec:fp=DS101:0123456789abcdef',
  '&amp;', '&lt;script&gt;', '&#64;user', '&#x3C;img&#x3E;', '*', '**', '_', '__init__', '~~', '$x^2$', '- ', '1. ', '> ', '    ', '# ', '=', ':smile:', '* * *', '---',
  'é', '漢字', '😀', 'normal', 'app/run.py', ' ', '  ',
];

function hostile(random: () => number): string {
  if (random() < 0.05) return HOSTILE[Math.floor(random() * HOSTILE.length)]!.repeat(50 + Math.floor(random() * 300));
  const parts: string[] = [];
  for (let n = 1 + Math.floor(random() * 6); n > 0; n--) {
    parts.push(HOSTILE[Math.floor(random() * HOSTILE.length)]!);
    if (random() < 0.3) parts.push('word');
  }
  return parts.join('');
}

/** The untrusted strings of one case; `benign` has `x` in every place. */
interface Strings {
  path: string;
  suppressedPath: string;
  comment: string;
  code: string;
  skippedPath: string;
  reason: string;
  note: string;
  error: string;
  why: string;
  config: string;
}

const allRules = loadRules(bundledRulesDir());
const BENIGN: Strings = { path: 'x', suppressedPath: 'x', comment: 'x', code: 'x', skippedPath: 'x', reason: 'x', note: 'x', error: 'x', why: 'x', config: 'x' };

function finding(rule: Rule, path: string, code: string, extra: Partial<Finding> = {}): Finding {
  const values = Object.fromEntries([...rule.message.matchAll(/\{([\w.-]+)\}/g)].map((m) => [m[1]!, shortCode(code)]));
  return makeFinding({ ruleId: rule.id, title: rule.title, severity: rule.severity, confidence: rule.confidence, cwe: rule.cwe, path, message: fillMessage(rule.message, values), ...extra });
}

function summaryInput(s: Strings, rule: Rule): CheckRunInput {
  const active = finding(rule, s.path, s.code);
  const suppressed = finding(rule, s.suppressedPath, s.code, { line: 9, suppressed: { comment: s.comment, reason: s.comment } });
  return {
    findings: [active, suppressed],
    skipped: [{ path: s.skippedPath, reason: s.reason }],
    errors: [s.error],
    stats: makeStats(),
    failing: 1,
    notInline: [{ finding: active, why: s.why }],
    notes: [s.note],
    blobUrl: 'https://github.com/o/r/blob/0123abc',
  };
}

/** The document's shape: every token but text, with tag, nesting and (for links) whether the target is diffsec's own. */
function shape(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (t.type === 'text' || t.type === 'text_special') continue;
      const href = t.type === 'link_open' ? ` ${ownLink(t.attrGet('href') ?? '')}` : '';
      out.push(`${t.type}:${t.tag}:${t.nesting}${t.type === 'html_block' || t.type === 'html_inline' ? `:${t.content.trim()}` : ''}${href}`);
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  return out;
}

function ownLink(href: string): string {
  if (href.startsWith('https://cwe.mitre.org/data/definitions/')) return 'cwe';
  const m = /^https:\/\/github\.com\/o\/r\/blob\/0123abc\/([^()\s<>[\]]*)#L\d+$/.exec(href);
  return m ? 'blob' : `FOREIGN ${href}`;
}

/** Text a reader sees, outside code: what GitHub would still turn into a mention, reference or link. */
function liveReferences(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (t.type === 'text' && /(^|[^\w`])@[\p{L}\p{N}_]|#\d|\bGH-\d|\b(https?|ftp):\/\/[\p{L}\p{N}]|\bwww\.|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/iu.test(t.content)) found.push(t.content);
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  return found;
}

function markerCount(markdown: string): number {
  return markdown.split('<!-- diffsec:fp=').length - 1;
}

const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

async function annotationsOf(findings: Finding[]): Promise<Record<string, unknown>[][]> {
  const requests: Record<string, unknown>[][] = [];
  const github = {
    octokit: { rest: { checks: { update: async (params: { output: { annotations?: Record<string, unknown>[] } }) => void requests.push(params.output.annotations ?? []) } } },
    calls: () => 0,
  } as unknown as GitHubClient;
  await completeCheckRun(github, { owner: 'o', repo: 'r', number: 1, headSha: '0123abc' } as never, 1, 'failure', { title: 't', summary: 's', annotations: findings });
  return requests;
}

describe('hostile strings through every renderer', () => {
  const random = mulberry32(SEED);
  const cases = Array.from({ length: CASES }, (_, i) => {
    const pick = (): string => hostile(random);
    const s: Strings = { path: pick(), suppressedPath: pick(), comment: pick(), code: pick(), skippedPath: pick(), reason: pick(), note: pick(), error: pick(), why: pick(), config: pick() };
    return { i, s, rule: allRules[Math.floor(random() * allRules.length)]! };
  });

  it(`keeps the check summary's structure for ${CASES} generated cases`, () => {
    for (const { i, s, rule } of cases) {
      const markdown = renderCheckRunSummary(summaryInput(s, rule));
      expect({ i, shape: shape(markdown) }).toEqual({ i, shape: shape(renderCheckRunSummary(summaryInput(BENIGN, rule))) });
      expect({ i, live: liveReferences(markdown) }).toEqual({ i, live: [] });
      expect({ i, markers: markerCount(markdown) }).toEqual({ i, markers: 0 });
    }
  });

  it('keeps the review comment and the failure summary structure', () => {
    for (const { i, s, rule } of cases) {
      const hostileComment = renderReviewComment(finding(rule, s.path, s.code), rule, { startLine: 3, endLine: 3 });
      const benignComment = renderReviewComment(finding(rule, BENIGN.path, BENIGN.code), rule, { startLine: 3, endLine: 3 });
      expect({ i, shape: shape(hostileComment) }).toEqual({ i, shape: shape(benignComment) });
      expect({ i, live: liveReferences(hostileComment) }).toEqual({ i, live: [] });
      expect({ i, markers: markersIn(hostileComment), count: markerCount(hostileComment) }).toEqual({ i, markers: [`${rule.id}:0123456789abcdef`], count: 1 });

      // A suggestion holds the code as it is, forged marker lines included: they stay in the fence and do not count.
      const fix = (code: string) => ({ fix: { startLine: 3, endLine: 3, replacement: `${code}\n<!-- diffsec:fp=DS999:0123456789abcdef -->` } });
      const hostileFix = renderReviewComment(finding(rule, s.path, s.code, fix(s.code)), rule, { startLine: 3, endLine: 3 });
      const benignFix = renderReviewComment(finding(rule, BENIGN.path, BENIGN.code, fix(BENIGN.code)), rule, { startLine: 3, endLine: 3 });
      expect({ i, shape: shape(hostileFix), markers: markersIn(hostileFix) }).toEqual({ i, shape: shape(benignFix), markers: [`${rule.id}:0123456789abcdef`] });

      const failure = renderFailureSummary(s.config);
      expect({ i, shape: shape(failure) }).toEqual({ i, shape: shape(renderFailureSummary(BENIGN.config)) });
      expect({ i, live: liveReferences(failure) }).toEqual({ i, live: [] });
    }
  });

  it('keeps terminal text to one line per entry with no control characters', () => {
    for (const { i, s, rule } of cases) {
      const input = summaryInput(s, rule);
      const text = renderText(input, { color: false });
      const benign = renderText(summaryInput(BENIGN, rule), { color: false });
      expect({ i, lines: text.split('\n').length, control: CONTROL_IN_TEXT.test(text) }).toEqual({ i, lines: benign.split('\n').length, control: false });
    }
  });

  // The cases above draw rules at random: every bundled rule's own text (message, why, fix, its
  // references) must also render with nothing GitHub would turn into a mention or reference.
  it('renders every bundled rule with no live reference in its comment or the summary', () => {
    for (const rule of allRules) {
      const comment = renderReviewComment(finding(rule, BENIGN.path, BENIGN.code), rule, { startLine: 3, endLine: 3 });
      const summary = renderCheckRunSummary(summaryInput(BENIGN, rule));
      expect({ id: rule.id, comment: liveReferences(comment), summary: liveReferences(summary) }).toEqual({ id: rule.id, comment: [], summary: [] });
    }
  });

  it('sends annotations as plain text without control characters, at most 200 in batches of 50', async () => {
    const findings = cases.map(({ s, rule }) => finding(rule, s.path, s.code));
    const requests = await annotationsOf(findings);
    expect(requests.map((r) => r.length)).toEqual([50, 50, 50, 50]);
    for (const annotation of requests.flat()) {
      expect(CONTROL_IN_TEXT.test(`${String(annotation.message)}${String(annotation.title)}`)).toBe(false);
    }
  });
});

describe('hostile code through the real engine', () => {
  const compiled = compileRules(allRules);
  const random = mulberry32(SEED + 1);
  /** A Python single-quoted string body holding `text`. */
  const py = (text: string): string => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\x00/g, '\\x00');
  const comment = (text: string): string => text.replace(/[\r\n\x00\u2028\u2029\x0c]/g, ' ');
  const SNIPPETS = [
    (h: string) => `import os\nos.system('${py(h)}')\n`,
    (h: string) => `import subprocess\nsubprocess.call('${py(h)}', shell=True)\n`,
    (h: string) => `eval(f'${py(h)}{x}')\n`,
    (h: string) => `import os\nos.system('${py(h)}')  # nosec ${comment(h)}\n`,
    (h: string) => `import os\nos.system(x)  # diffsec: ignore[DS102] ${comment(h)}\n`,
    (h: string) => `import requests\nrequests.get('http://${py(h)}')\n`,
    (h: string) => `password = '${py(h)}'\n`,
  ];

  it('renders findings on hostile code and comments as code spans and escaped text only', () => {
    let findings = 0;
    let suppressed = 0;
    for (let n = 0; n < 120; n++) {
      const h = hostile(random);
      const source = SNIPPETS[n % SNIPPETS.length]!(h);
      const scan = scanSource(`p${n}.py`, source, compiled);
      for (const f of scan.findings) {
        findings++;
        if (f.suppressed) suppressed++;
        const kinds = new Set(md.parseInline(f.message, {})[0]!.children!.map((t) => t.type));
        expect({ n, source, kinds: [...kinds].filter((k) => !['text', 'text_special', 'code_inline'].includes(k)) }).toEqual({ n, source, kinds: [] });
        const rule = allRules.find((r) => r.id === f.ruleId)!;
        const comment = renderReviewComment(f, rule, { startLine: f.line, endLine: f.endLine });
        expect({ n, source, markers: markersIn(comment), live: liveReferences(comment) }).toEqual({ n, source, markers: [`${f.ruleId}:${f.fingerprint}`], live: [] });
      }
      const summary = renderCheckRunSummary({ findings: scan.findings, skipped: [], errors: [], stats: makeStats(), failing: 0, notInline: [], notes: [], blobUrl: 'https://github.com/o/r/blob/0123abc' });
      expect({ n, source, live: liveReferences(summary), markers: markerCount(summary), foreign: shape(summary).filter((t) => t.includes('FOREIGN') || t.startsWith('html') || t.startsWith('heading') || t.startsWith('image')) }).toEqual({
        n,
        source,
        live: [],
        markers: 0,
        foreign: scan.findings.length ? ['heading_open:h3:1', 'heading_close:h3:-1', ...(scan.findings.some((f) => f.suppressed) && scan.findings.some((f) => !f.suppressed) ? ['heading_open:h3:1', 'heading_close:h3:-1'] : [])] : [],
      });
    }
    // The generator must actually reach the renderers with findings and suppression comments.
    expect(findings).toBeGreaterThan(60);
    expect(suppressed).toBeGreaterThan(10);
  });
});
