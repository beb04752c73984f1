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
