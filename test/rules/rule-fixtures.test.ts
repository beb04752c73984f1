import { existsSync } from 'node:fs';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { fixturesOf, readAnnotations, verifyRuleFixture } from '../helpers/rule-fixture.js';
import { readFileSync } from 'node:fs';
import { parsePython } from '../../src/analysis/python-parser.js';
import { joinedQuery } from '../../src/rules/joined-query.js';
import { topLevelPatterns } from '../../src/rules/query-patterns.js';

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

  // A pattern its fixtures never match is untested: a typo in it would go unseen (DS606's `!=`
  // with the digest on the right, DS108's trailing comment, DS109's `revision=None` and DS145's
  // `dst=` had no line of their own until this test).
  it.each(rules.map((r) => [r.id, r] as const))('%s: each pattern of its query matches in its fixtures', (_id, rule) => {
    const { query } = joinedQuery([rule], (r) => r.query);
    const matched = new Set<number>();
    const { main, extras } = fixturesOf(rule);
    for (const path of [main, ...extras]) for (const match of query.matches(parsePython(readFileSync(path, 'utf8')).rootNode)) matched.add(match.pattern + 1);
    const patterns = topLevelPatterns(rule.query).map((_, i) => i + 1);
    expect(patterns.filter((p) => !matched.has(p))).toEqual([]);
  });

  const extras = rules.flatMap((rule) => fixturesOf(rule).extras.map((path) => [path.replace(/^.*\//, ''), rule, path] as const));

  it('finds the extra fixtures (files of their own, for conditions on the whole file)', () => {
    expect(extras.length).toBeGreaterThanOrEqual(1);
  });

  it.each(extras)('%s: its rule flags exactly its expect lines', (_name, rule, path) => {
    const { expect: expected, ok } = readAnnotations(readFileSync(path, 'utf8'));
    // Each extra fixture says something about its own rule.
    expect((expected.get(rule.id)?.size ?? 0) + (ok.get(rule.id)?.size ?? 0)).toBeGreaterThan(0);
    const verdict = verifyRuleFixture(rule, path);
    expect({ missing: verdict.missing, noisy: verdict.noisy }).toEqual({ missing: [], noisy: [] });
  });
});
