import type { Finding, Scope } from './finding.js';

/**
 * Where a finding stands against the changed lines of its file: `changed` when its reported span
 * touches one, or (a flow finding) when any step of its path in that file is on one; `file` when
 * the whole file is in scope (`changed` is null), else `outside`.
 */
export function scopeOf(finding: Pick<Finding, 'line' | 'endLine'> & Partial<Pick<Finding, 'path' | 'flow'>>, changed: ReadonlySet<number> | null): Scope {
  if (changed === null) return 'file';
  for (let line = finding.line; line <= finding.endLine; line++) if (changed.has(line)) return 'changed';
  for (const step of finding.flow ?? []) if (step.path === finding.path && changed.has(step.line)) return 'changed';
  return 'outside';
}

/**
 * A flow finding whose own path and span miss the changed lines, but one of whose other paths
 * (`otherFlows`: further sources reaching the same sink) crosses one, is shown with that path and
 * the message naming its source: the pull request changed that path, not the nearest one (a
 * reviewer sees why the finding is theirs). The first such path wins; nothing changes otherwise.
 */
export function preferChangedPath(finding: Finding, changed: ReadonlySet<number> | null): void {
  if (changed === null || !finding.otherFlows?.length || scopeOf(finding, changed) !== 'outside') return;
  const crossing = finding.otherFlows.find((other) => other.flow.some((step) => step.path === finding.path && changed.has(step.line)));
  if (!crossing) return;
  finding.otherFlows = [{ flow: finding.flow ?? [], message: finding.message }, ...finding.otherFlows.filter((other) => other !== crossing)];
  finding.flow = crossing.flow;
  finding.message = crossing.message;
}
