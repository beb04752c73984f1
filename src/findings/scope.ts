import type { Finding, Scope } from './finding.js';

/**
 * Where a finding stands against the changed lines: `changed` when its reported span touches one,
 * `file` when the whole file is in scope (`changed` is null), else `outside`.
 */
export function scopeOf(finding: Pick<Finding, 'line' | 'endLine'>, changed: ReadonlySet<number> | null): Scope {
  if (changed === null) return 'file';
  for (let line = finding.line; line <= finding.endLine; line++) if (changed.has(line)) return 'changed';
  return 'outside';
}
