/**
 * The one place untrusted text (file names, code, suppression comments, skip reasons, notes,
 * error and config text: anything a pull request or a repository's config can choose) is made
 * inert before it reaches markdown, plain-text annotations or a terminal.
 *
 * What is neutralised, and how (GitHub-flavoured markdown as github.com renders it):
 * - Control characters (C0 but tab, DEL, C1), line and paragraph separators, bidi overrides and
 *   invisible marks are shown as `\n`, `\x1b`, `\u2028`...: a name cannot start a new block
 *   (heading, list, table row), rewrite a terminal, or hide text.
 * - HTML: `&`, `<`, `>` become entities, so no tag, comment (no forged `<!-- diffsec:fp=… -->`
 *   marker) or entity survives.
 * - Markdown: `\`, `` ` ``, `*`, `[`, `]`, `~`, `$` (GitHub math) and `_` next to a non-word
 *   character are backslash-escaped, and so is a first character that could open a block
 *   (`#`, `-`, `+`, `=`, `1.`, leading spaces): no link, image, emphasis, heading or list.
 * - GitHub's own autolinks, which it applies to rendered text: `@user`/`@org/team` mentions and
 *   `#123`/`owner/repo#123`/`GH-123` references get a zero-width space after `@`, `#` or `GH-`; bare
 *   URLs get one before `://` and after `www`. Commit SHAs are left alone: GitHub links them only
 *   to commits of this repository, and breaking them would make hashes uncopyable.
 * - Code goes in a code span fenced by a backtick run longer than any inside it (padded with a
 *   space when the code starts or ends with a backtick, as CommonMark needs); nothing in a code
 *   span is live except `<!--`, which gets a zero-width space so raw-text marker scans cannot
 *   match it.
 * - Table cells additionally escape every `|`.
 */

const ZWSP = '\u200b';

/** Characters shown as an escape rather than printed: C0 but tab, DEL, C1, separators, bidi and invisible marks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** Shows control, separator, bidi and invisible characters as `\n`, `\r`, `\xNN` or `\uNNNN`; everything else unchanged. */
export function showControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** Untrusted text for a plain-text sink (check-run annotations, a terminal): control characters shown, nothing else changed. */
export function plainText(text: string): string {
  return showControls(text);
}

/** Untrusted text as inert inline markdown: renders as exactly `text` (controls shown), never as markup, a mention or a reference. */
export function escapeMarkdown(text: string): string {
  let out = showControls(text)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    // GitHub's autolinks first, on the text as written (a backslash escape does not stop them).
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/:\/\//g, `${ZWSP}://`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/[\\`*[\]~$]/g, '\\$&')
    // `_` opens or closes emphasis only next to a non-word character (or an edge).
    .replace(/_/g, (u, at: number, whole: string) => (/[\p{L}\p{N}]/u.test(whole[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[at + 1] ?? '') ? u : '\\_'));
  // A block can only start at the beginning of a line: callers put text after `- ` or `> ` too.
  out = out.replace(/^[ \t]+/, (spaces) => spaces.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  out = out.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Untrusted code as one markdown code span, fenced longer than any backtick run inside; renders as the code, controls shown. */
export function codeSpan(code: string): string {
  // A code span cannot be empty, and `<!--` must not reach raw-text scans for diffsec's markers.
  const body = showControls(code).replace(/<!--/g, `<!${ZWSP}--`) || ' ';
  const fence = '`'.repeat(longestBacktickRun(body) + 1);
  // CommonMark strips one space on each side when both are there: pad so a backtick or an edge space survives.
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Inert markdown (from {@link escapeMarkdown} or {@link codeSpan}) made safe for one GFM table cell: every `|` escaped, line breaks made spaces. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|').replace(/\r\n?|\n/g, ' ');
}

/** A repository path as URL path segments: every character that could end a markdown link destination (`(`, `)`, spaces, `<`) percent-encoded. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** The length of the longest run of backticks in `text` (0 when there is none). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}
