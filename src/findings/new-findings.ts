import type { FileDiff, Hunk } from '../diff/file-diff.js';
import type { Finding } from './finding.js';
import { normalisedCode } from './fingerprint.js';

/** A file's base version and the findings a scan of it gave. */
export interface ScannedVersion {
  text: string;
  findings: readonly Pick<Finding, 'ruleId' | 'line'>[];
}

/**
 * Differential scoping of one modified file: marks `new` (and says why in the message) each of
 * `outside` (findings off the changed lines of `headText`) that the base version lacks, and returns those.
 * Findings are compared as fingerprints are made, line-independently: the rule and the reported
 * line's code with white space removed. As the occurrence index of a fingerprint shifts when the
 * pull request adds an identical line, they are counted instead: of the k outside findings of a
 * key, max(0, k − b) are new when the base has b, those nearest a change first. So code that moved
 * or was reindented, or a finding the base already had, is never new.
 */
export function markNewFindings(outside: Finding[], headText: string, base: ScannedVersion, diff: FileDiff): Finding[] {
  const headLines = headText.split('\n');
  const baseLines = base.text.split('\n');
  const inBase = new Map<string, number>();
  for (const f of base.findings) {
    const key = keyOf(f.ruleId, baseLines[f.line - 1]);
    inBase.set(key, (inBase.get(key) ?? 0) + 1);
  }
  const byKey = new Map<string, Finding[]>();
  for (const f of outside) {
    const key = keyOf(f.ruleId, headLines[f.line - 1]);
    const group = byKey.get(key);
    if (group) group.push(f);
    else byKey.set(key, [f]);
  }
  const marked: Finding[] = [];
  for (const [key, group] of byKey) {
    const extra = group.length - (inBase.get(key) ?? 0);
    if (extra <= 0) continue;
    const nearest = group.map((f) => ({ f, near: nearestHunk(diff, f.line) })).sort((a, b) => a.near.distance - b.near.distance);
    for (const { f, near } of nearest.slice(0, extra)) {
      f.scope = 'new';
      f.message = `${f.message} ${whyNew(near.hunk)}`;
      marked.push(f);
    }
  }
  return marked;
}

/** The same key a fingerprint hashes, without the occurrence index: rule id and the line's code with white space removed. */
function keyOf(ruleId: string, line: string | undefined): string {
  return `${ruleId}\0${normalisedCode(line ?? '')}`;
}

/** The hunk whose new-side range is nearest `line`, and how far (0: inside it). */
function nearestHunk(diff: FileDiff, line: number): { hunk: Hunk | null; distance: number } {
  let best: { hunk: Hunk | null; distance: number } = { hunk: null, distance: Infinity };
  for (const hunk of diff.hunks) {
    const [first, last] = newRange(hunk);
    const distance = line < first ? first - line : line > last ? line - last : 0;
    if (distance < best.distance) best = { hunk, distance };
  }
  return best;
}

/** A hunk's new-side lines, first and last; a hunk with an empty new side sits after its start line. */
function newRange(hunk: Hunk): [number, number] {
  return hunk.newLines === 0 ? [hunk.newStart, hunk.newStart] : [hunk.newStart, hunk.newStart + hunk.newLines - 1];
}

/** The sentence that tells a reader why a finding off the changed lines is shown. */
function whyNew(hunk: Hunk | null): string {
  const base = 'New in this pull request: the base version of this file has no such finding';
  if (!hunk) return `${base}.`;
  const [first, last] = newRange(hunk);
  const what = [hunk.removed.length && `${hunk.removed.length} line${hunk.removed.length === 1 ? '' : 's'} deleted`, hunk.added.length && `${hunk.added.length} added`].filter(Boolean).join(', ');
  const where = hunk.newLines === 0 ? `after line ${first}` : first === last ? `at line ${first}` : `at lines ${first}–${last}`;
  return `${base}; the nearest change is ${where} (${what}).`;
}
