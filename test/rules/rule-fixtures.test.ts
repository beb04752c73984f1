import { existsSync } from 'node:fs';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { verifyRuleFixture } from '../helpers/rule-fixture.js';

const rules = loadRules(bundledRulesDir());

describe('every rule on its own fixture', () => {
  it('finds rules to test', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s flags exactly its expect lines', (_id, rule) => {
    const fixture = rule.file.replace(/\.yaml$/, '.py');
    expect(existsSync(fixture)).toBe(true);
    const verdict = verifyRuleFixture(rule, fixture);
    expect({ missing: verdict.missing, noisy: verdict.noisy }).toEqual({ missing: [], noisy: [] });
    expect(verdict.reported.length).toBeGreaterThanOrEqual(3);
    expect(verdict.clean.length).toBeGreaterThanOrEqual(3);
  });
});
