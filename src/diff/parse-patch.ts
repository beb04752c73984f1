import type { Hunk } from './file-diff.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** A patch that does not say what it claims: the message names the line and what is wrong, never the code. */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

/**
 * Parses GitHub's per-file `patch` (hunks only, as pulls.listFiles gives it) into hunks with the
 * new-side lines added and old-side lines removed. `\ No newline at end of file` is not a line;
 * CRLF endings are tolerated. Strict, because a wrong diff silently moves findings out of scope:
 * anything but hunks (`Binary files … differ`, garbage), a malformed header, counts that do not
 * match the lines present, or hunks out of order throw a PatchError saying why.
 */
export function parsePatch(patch: string): Hunk[] {
  const lines = patch.split('\n');
  const { hunks, next } = parseHunks(lines, 0);
  // Only the patch's own final newline may follow the last hunk.
  const trailingNewline = next === lines.length - 1 && stripCr(lines[next]!) === '';
  if (next < lines.length && !trailingNewline) {
    throw new PatchError(hunks.length === 0 ? `line ${next + 1} of the patch is not a hunk header ("@@ -a,b +c,d @@")` : `line ${next + 1} of the patch is past the counts its hunk header declares`);
  }
  return hunks;
}

/**
 * Reads consecutive hunks from `lines` starting at `start`, stopping at the first line that is
 * neither a hunk header nor inside a declared hunk. Shared by parsePatch and parseUnifiedDiff.
 * Throws a PatchError when a hunk has fewer lines than its header declares, or overlaps the one before.
 */
export function parseHunks(lines: readonly string[], start: number): { hunks: Hunk[]; next: number } {
  const hunks: Hunk[] = [];
  let i = start;
  while (i < lines.length) {
    const header = stripCr(lines[i]!);
    if (!header.startsWith('@@')) break;
    const m = HUNK_HEADER.exec(header);
    if (!m) throw new PatchError(`malformed hunk header at line ${i + 1} of the patch: ${JSON.stringify(header.slice(0, 80))} (expected "@@ -a,b +c,d @@")`);
    const headerLine = i + 1;
    const hunk: Hunk = {
      oldStart: Number(m[1]),
      oldLines: m[2] === undefined ? 1 : Number(m[2]),
      newStart: Number(m[3]),
      newLines: m[4] === undefined ? 1 : Number(m[4]),
      added: [],
      removed: [],
    };
    checkHeader(hunk, headerLine, hunks.at(-1));
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
        // Some tools strip the single space of an empty context line; a last empty line is the
        // patch's final newline unless exactly one context line is still due.
        if (line === '' && i === lines.length - 1 && !(oldLeft === 1 && newLeft === 1)) break;
        oldLine++;
        newLine++;
        oldLeft--;
        newLeft--;
      } else {
        break;
      }
      i++;
    }
    if (oldLeft !== 0 || newLeft !== 0) {
      throw new PatchError(
        `the hunk at line ${headerLine} of the patch declares ${hunk.oldLines} old and ${hunk.newLines} new lines but has ${hunk.oldLines - oldLeft} and ${hunk.newLines - newLeft}`,
      );
    }
    hunks.push(hunk);
  }
  return { hunks, next: i };
}

function checkHeader(hunk: Hunk, line: number, previous: Hunk | undefined): void {
  const numbers = [hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines];
  if (!numbers.every(Number.isSafeInteger)) throw new PatchError(`the hunk header at line ${line} of the patch has a number too large to be a line`);
  // Line 0 only stands for "before the first line" of an empty side.
  if ((hunk.oldLines > 0 && hunk.oldStart < 1) || (hunk.newLines > 0 && hunk.newStart < 1)) throw new PatchError(`the hunk header at line ${line} of the patch starts a non-empty side at line 0`);
  if (previous && (hunk.newStart < previous.newStart + previous.newLines || hunk.oldStart < previous.oldStart + previous.oldLines)) {
    throw new PatchError(`the hunk at line ${line} of the patch overlaps or precedes the hunk before it`);
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
