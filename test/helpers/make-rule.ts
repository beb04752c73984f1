import type { Rule } from '../../src/rules/rule.js';
import { validateRule } from '../../src/rules/validate-rule.js';

/** A valid rule document for tests; override any field. */
export function ruleDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'DS901',
    name: 'os-system-call',
    title: 'os.system call',
    severity: 'high',
    confidence: 'medium',
    cwe: 'CWE-78',
    bandit: ['B605'],
    ruff: ['S605'],
    message: '`{callee}` runs `{command}` through a shell.',
    query: '(call function: (_) @callee arguments: (argument_list . (_) @command)) @finding',
    where: { callee: { 'resolves-to': ['os.system'] } },
    docs: { why: 'Shells parse strings.', fix: 'Use a list.', bad: 'os.system(cmd)', good: 'subprocess.run([cmd])', references: [] },
    ...overrides,
  };
}

/** A validated rule built from `ruleDoc(overrides)`. */
export function makeRule(overrides: Record<string, unknown> = {}): Rule {
  return validateRule(ruleDoc(overrides), 'rules/test/DS901-os-system-call.yaml', 'input-validation');
}
