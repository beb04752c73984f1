import type { FileDiff } from '../diff/file-diff.js';
import { changedLines, commentableLines, hunkIndexOf } from '../diff/line-set.js';
import type { Finding } from '../findings/finding.js';

/** Where an inline comment goes: `line`, and `startLine` for a range inside one hunk. */
export interface CommentAnchor {
  startLine: number;
  line: number;
}

/**
 * Anchors a finding on the changed lines of its span (GitHub answers 422 "line must be part of
 * the diff" for any other line, and fails the whole review): a range from the first to the last
 * changed line when both lie in one hunk, else the last changed line alone. A flow finding whose
 * span has no changed line goes on the first changed step of its path in the same file (the
 * comment then says where the sink is). A finding new in the pull request though off its changed
 * lines (scope `new`, often next to deleted lines) goes on the lines of its span that GitHub shows as
 * context of a hunk, never on a step. Null when no such line is a changed line of a known diff.
 */
export function anchorFor(finding: Pick<Finding, 'line' | 'endLine'> & Partial<Pick<Finding, 'path' | 'flow' | 'scope'>>, diff: FileDiff | null): CommentAnchor | null {
  if (!diff) return null;
  // RIGHT-side lines inside a hunk take a comment whether added or context.
  const changed = finding.scope === 'new' ? commentableLines(diff) : changedLines(diff);
  const inSpan: number[] = [];
  for (let l = finding.line; l <= finding.endLine; l++) if (changed.has(l)) inSpan.push(l);
  if (inSpan.length === 0) {
    // A step's comment says the pull request changes that step, which a context line is not.
    if (finding.scope === 'new') return null;
    const step = finding.flow?.find((s) => s.path === finding.path && changed.has(s.line));
    return step ? { startLine: step.line, line: step.line } : null;
  }
  const first = inSpan[0]!;
  const last = inSpan[inSpan.length - 1]!;
  if (first < last && hunkIndexOf(diff, first) === hunkIndexOf(diff, last)) return { startLine: first, line: last };
  return { startLine: last, line: last };
}
