import type { FileDiff } from './file-diff.js';

/**
 * True when the diff can describe a file of `lineCount` lines: every hunk starts and every added
 * line lies inside it. A diff that points past the end (e.g. `@@ -0,0 +999999999,2 @@`) describes
 * some other file: its changed lines cannot be trusted to scope findings.
 */
export function diffFitsFile(diff: FileDiff, lineCount: number): boolean {
  return diff.hunks.every((h) => h.newStart <= lineCount && h.added.every((line) => line >= 1 && line <= lineCount));
}
