import type { Hunk } from './file-diff.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses GitHub's per-file `patch` (hunks only, as pulls.listFiles gives it) into hunks with the
 * new-side lines added and old-side lines removed. `\ No newline at end of file` is not a line;
 * CRLF endings are tolerated; a malformed hunk header throws, naming the line.
 */
export function parsePatch(patch: string): Hunk[] {
  return parseHunks(patch.split('\n'), 0).hunks;
}

/**
 * Reads consecutive hunks from `lines` starting at `start`, stopping at the first line that is
 * neither a hunk header nor inside a declared hunk. Shared by parsePatch and parseUnifiedDiff.
 */
export function parseHunks(lines: readonly string[], start: number): { hunks: Hunk[]; next: number } {
  const hunks: Hunk[] = [];
  let i = start;
  while (i < lines.length) {
    const header = stripCr(lines[i]!);
    if (!header.startsWith('@@')) break;
    const m = HUNK_HEADER.exec(header);
    if (!m) throw new Error(`malformed hunk header at line ${i + 1} of the patch: ${JSON.stringify(header.slice(0, 80))} (expected "@@ -a,b +c,d @@")`);
    const hunk: Hunk = {
      oldStart: Number(m[1]),
      oldLines: m[2] === undefined ? 1 : Number(m[2]),
      newStart: Number(m[3]),
      newLines: m[4] === undefined ? 1 : Number(m[4]),
      added: [],
      removed: [],
    };
    i++;
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    let oldLeft = hunk.oldLines;
    let newLeft = hunk.newLines;
    // Read until the declared counts are used up, so trailing text is not mistaken for hunk lines.
    while (i < lines.length && (oldLeft > 0 || newLeft > 0 || stripCr(lines[i]!).startsWith('\\'))) {
      const line = stripCr(lines[i]!);
      const marker = line[0];
      if (marker === '\\') {
        i++;
        continue;
      }
      if (marker === '+') {
        hunk.added.push(newLine++);
        newLeft--;
      } else if (marker === '-') {
        hunk.removed.push(oldLine++);
        oldLeft--;
      } else if (marker === ' ' || line === '') {
        // Some tools strip the single space of an empty context line.
        if (line === '' && i === lines.length - 1) break;
        oldLine++;
        newLine++;
        oldLeft--;
        newLeft--;
      } else {
        break;
      }
      i++;
    }
    hunks.push(hunk);
  }
  return { hunks, next: i };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
