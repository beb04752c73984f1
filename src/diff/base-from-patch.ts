/**
 * Rebuilds a file's base (old-side) text from its head text and the patch between them, as GitHub's
 * pulls.listFiles gives it: head lines outside the hunks are kept, each hunk's new side is replaced
 * by its old side (context and removed lines). GitHub diffs a pull request against the merge base,
 * so this is the file at the merge base, for no API call. Null when the patch does not fit the head
 * (a context or added line differs, or a hunk lies past the end): then it describes another text.
 */
export function baseFromPatch(headText: string, patch: string): string | null {
  const head = headText.split('\n');
  const lines = patch.split('\n');
  const out: string[] = [];
  let next = 1; // the next head line (1-based) not yet copied or consumed
  let i = 0;
  while (i < lines.length) {
    const m = HUNK_HEADER.exec(stripCr(lines[i]!));
    if (!m) {
      // Only the patch's own final newline may be left.
      if (i === lines.length - 1 && stripCr(lines[i]!) === '') break;
      return null;
    }
    let oldLeft = m[2] === undefined ? 1 : Number(m[2]);
    let newLeft = m[4] === undefined ? 1 : Number(m[4]);
    const newStart = Number(m[3]);
    // `+c,0`: an empty new side sits after line c.
    const firstOfHunk = newLeft === 0 ? newStart + 1 : newStart;
    if (firstOfHunk < next || firstOfHunk > head.length + 1) return null;
    while (next < firstOfHunk) out.push(head[next++ - 1]!);
    i++;
    while (i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[i]!.startsWith('\\'))) {
      const line = stripCr(lines[i]!);
      const marker = line[0];
      const text = lines[i]!.slice(1);
      if (marker === '\\') {
        i++;
        continue;
      }
      if (marker === '-') {
        out.push(text);
        oldLeft--;
      } else if (marker === '+' || marker === ' ' || line === '') {
        // Same leniency as parsePatch: an empty context line may have lost its space.
        if (line === '' && i === lines.length - 1 && !(oldLeft === 1 && newLeft === 1)) break;
        const body = line === '' ? '' : text;
        if (next > head.length || stripCr(head[next - 1]!) !== stripCr(body)) return null;
        if (marker !== '+') {
          out.push(head[next - 1]!);
          oldLeft--;
        }
        next++;
        newLeft--;
      } else break;
      i++;
    }
    if (oldLeft !== 0 || newLeft !== 0) return null;
  }
  while (next <= head.length) out.push(head[next++ - 1]!);
  return out.join('\n');
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
