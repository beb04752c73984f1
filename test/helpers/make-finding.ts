import type { Finding } from '../../src/findings/finding.js';

/** A DS901 finding in a.py at line 3 for renderer tests; override any field. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'DS901',
    ruleName: 'os-system-call',
    title: 'os.system call',
    severity: 'high',
    confidence: 'medium',
    cwe: 'CWE-78',
    bandit: 'B605',
    ruff: 'S605',
    path: 'a.py',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 19,
    message: '`os.system` runs `cmd` through a shell.',
    fingerprint: '0123456789abcdef',
    scope: 'file',
    suppressed: null,
    ...overrides,
  };
}

/** Review stats with every counter zero; override any. */
export function makeStats(overrides: Partial<{ files: number; lines: number; durationMs: number; outsideDiff: number; belowThreshold: number }> = {}) {
  return { files: 1, lines: 10, durationMs: 7, outsideDiff: 0, belowThreshold: 0, ...overrides };
}
