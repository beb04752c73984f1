import type { FileDiff } from './file-diff.js';

/** New-side line numbers ('+' lines) a diff changed in one file. */
export function changedLines(diff: FileDiff): Set<number> {
  const lines = new Set<number>();
  for (const hunk of diff.hunks) for (const line of hunk.added) lines.add(line);
  return lines;
}

/**
 * New-side lines GitHub accepts an inline review comment on (side RIGHT): every line inside a
 * hunk's new range, context lines included.
 */
export function commentableLines(diff: FileDiff): Set<number> {
  const lines = new Set<number>();
  for (const hunk of diff.hunks) {
    for (let line = hunk.newStart; line < hunk.newStart + hunk.newLines; line++) lines.add(line);
  }
  return lines;
}

/** The hunk whose new-side range holds `line`, or undefined. Used to keep multi-line comments in one hunk. */
export function hunkIndexOf(diff: FileDiff, line: number): number {
  return diff.hunks.findIndex((h) => line >= h.newStart && line < h.newStart + h.newLines);
}
