import MarkdownIt from 'markdown-it';

/**
 * Renders as GitHub would, near enough: raw HTML passes, URLs with a scheme become links (GFM does
 * not link bare domains such as `zqx.py`; its `www.` and e-mail autolinks, which allow only ASCII
 * letters, digits and `.-_+` where linkify-it takes any character, are checked on the prose below).
 */
const markdown = new MarkdownIt({ html: true, linkify: true });
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

/** Links diffsec itself writes (to the reviewed file's lines, the CWE, its docs): their text may quote a hostile name. */
const OWN_LINKS = /^(?:https:\/\/github\.com\/o\/r\/blob\/|https:\/\/cwe\.mitre\.org\/|https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[^/]+\/docs\/)/;

/**
 * Where a `zqx` payload (see hostile-strings.ts) would render as live GitHub markdown: a heading,
 * an HTML tag or comment, a link or image, a mention, or a forged fingerprint marker. The text is
 * rendered by a real CommonMark renderer (markdown-it) and the HTML inspected, so code spans,
 * escapes and fences are read exactly as CommonMark reads them. Returns a description of the
 * first live payload, or null.
 */
export function livePayload(text: string): string | null {
  const html = markdown.render(text);
  const markers = html.match(/<!-- diffsec:fp=[A-Z]+\d+:[0-9a-f]+ -->/g) ?? [];
  if (markers.length > 1) return `live HTML comment: ${markers.length} fingerprint markers, forged fingerprint marker from the change`;
  const heading = /<h([1-6])>((?:(?!<\/h\1>)[\s\S])*)<\/h\1>/g;
  for (const m of html.matchAll(heading)) if (m[2]!.includes('zqx')) return `live heading: ${JSON.stringify(m[2]!.slice(0, 80))}`;
  const checks: Array<[RegExp, string]> = [
    [/<\/?zqx-tag>/, 'live HTML'],
    [/<!-- zqx/, 'live HTML comment'],
    [/<img\b/, 'live image'],
  ];
  for (const [re, what] of checks) {
    const m = re.exec(html);
    if (m) return `${what}: ${JSON.stringify(html.slice(Math.max(0, m.index - 30), m.index + 30))}`;
  }
  for (const m of html.matchAll(/<a href="([^"]*)"[^>]*>((?:(?!<\/a>)[\s\S])*)<\/a>/g)) {
    if (!OWN_LINKS.test(m[1]!) && (m[1]!.includes('zqx') || m[2]!.includes('zqx'))) return `live link: ${JSON.stringify(m[0].slice(0, 80))}`;
  }
  // Mentions are GitHub's, applied to text outside code: strip code, links and tags, then look.
  const prose = html
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');
  // Around each `@` (anchored there, so the scan stays linear).
  const domain = /@([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)/y;
  for (let at = prose.indexOf('@'); at !== -1; at = prose.indexOf('@', at + 1)) {
    domain.lastIndex = at;
    const m = domain.exec(prose);
    if (m && /[A-Za-z0-9._+-]/.test(prose[at - 1] ?? '') && (m[1]!.includes('zqx') || prose.slice(Math.max(0, at - 80), at).includes('zqx'))) {
      return `live e-mail link: ${JSON.stringify(prose.slice(Math.max(0, at - 30), at + 30))}`;
    }
  }
  const www = /(?<![\p{L}\p{N}_.-])www\.zqx/u.exec(prose);
  if (www) return `live link: ${JSON.stringify(prose.slice(Math.max(0, www.index - 30), www.index + 30))}`;
  const mention = /(?<![\p{L}\p{N}_`.+-])@zqx\b/u.exec(prose);
  if (mention) return `live mention: ${JSON.stringify(prose.slice(Math.max(0, mention.index - 30), mention.index + 30))}`;
  return null;
}
