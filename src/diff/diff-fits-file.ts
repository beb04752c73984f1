import type { FileDiff } from './file-diff.js';

/**
 * True when every hunk's new-side range lies inside a file of `lineCount` lines. A diff that
 * points past the end (e.g. `@@ -0,0 +999999999,2 @@`) describes some other file: its changed
 * lines cannot be trusted to scope findings.
 */
export function diffFitsFile(diff: FileDiff, lineCount: number): boolean {
  return diff.hunks.every((h) => (h.newLines === 0 ? h.newStart <= lineCount : h.newStart >= 1 && h.newStart + h.newLines - 1 <= lineCount));
}
