/**
 * Where a `zqx` payload (see hostile-strings.ts) would render as live GitHub markdown: a heading,
 * an HTML tag or comment, a link or image, a mention, or a forged fingerprint marker. Code blocks
 * and code spans are removed first (their content renders as text), as CommonMark reads them.
 * Returns a description of the first live payload, or null.
 */
export function livePayload(markdown: string): string | null {
  const lines = markdown.split(/\r\n|\r|\n/);
  const prose: string[] = [];
  let fence: { char: string; length: number } | null = null;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && m[2]!.trim() === '') fence = null;
      continue;
    }
    if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      fence = { char: m[1]![0]!, length: m[1]!.length };
      continue;
    }
    prose.push(line);
  }
  for (const line of prose) if (/^ {0,3}#{1,6}(?:[ \t].*)?zqx/.test(line)) return `live heading: ${JSON.stringify(line.slice(0, 80))}`;
  const text = withoutCodeSpans(prose.join('\n'));
  const markers = text.match(/<!-- diffsec:fp=[A-Z]+\d+:[0-9a-f]+ -->/g) ?? [];
  if (markers.length > 1) return `live HTML comment: ${markers.length} fingerprint markers, forged fingerprint marker from the change`;
  const checks: Array<[RegExp, string]> = [
    [/(?<!\\)<\/?zqx-tag>/, 'live HTML'],
    [/(?<!\\)<!-- zqx/, 'live HTML comment'],
    [/(?<![\\\]])!?\[zqx\]\(/, 'live link'],
    [/(?<![\w\\`])@zqx\b/, 'live mention'],
  ];
  for (const [re, what] of checks) {
    const m = re.exec(text);
    if (m) return `${what}: ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`;
  }
  return null;
}

/** Drops inline code spans: a run of n backticks up to the next run of exactly n; unmatched runs stay literal. Linear but for a log factor. */
function withoutCodeSpans(text: string): string {
  const runs: { start: number; length: number }[] = [];
  for (const m of text.matchAll(/`+/g)) runs.push({ start: m.index!, length: m[0].length });
  const byLength = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const list = byLength.get(r.length);
    if (list) list.push(i);
    else byLength.set(r.length, [i]);
  });
  /** The first run of `length` backticks after run `after`, by binary search. */
  const nextOfLength = (length: number, after: number): number => {
    const list = byLength.get(length)!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo]! : -1;
  };
  let out = '';
  let pos = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (run.start < pos) continue;
    const close = nextOfLength(run.length, r);
    if (close < 0) continue;
    out += text.slice(pos, run.start) + ' ';
    pos = runs[close]!.start + run.length;
    r = close;
  }
  return out + text.slice(pos);
}
