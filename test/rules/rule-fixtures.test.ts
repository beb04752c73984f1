import { existsSync } from 'node:fs';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { fixturesOf, readAnnotations, verifyRuleFixture } from '../helpers/rule-fixture.js';
import { readFileSync } from 'node:fs';
import { parsePython } from '../../src/analysis/python-parser.js';
import { parseYaml } from '../../src/parse-yaml.js';
import { scanSource } from '../../src/analysis/scan-source.js';
import { compileRules, flowMatchersOf } from '../../src/rules/compile-rules.js';
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

  // The same of a flow rule's own sources, sanitizers and steps (what it borrows with `from:` is
  // the lending rule's to exercise, in its own fixture).
  const flowRules = rules.filter((r) => r.flow);
  const byId = new Map(rules.map((r) => [r.id, r]));
  it.each(flowRules.map((r) => [r.id, r] as const))('%s: each matcher of its own flow lists matches in its fixtures', (_id, rule) => {
    const raw = parseYaml(readFileSync(rule.file, 'utf8')) as Record<string, unknown>;
    const { main, extras } = fixturesOf(rule);
    const trees = [main, ...extras].map((path) => parsePython(readFileSync(path, 'utf8')).rootNode);
    const unmatched: string[] = [];
    for (const kind of ['sources', 'sanitizers', 'steps'] as const) {
      const list = flowMatchersOf(rule)[kind];
      if (!list.hasQuery) continue;
      const lenders = ((raw[kind] as { from?: string }[] | undefined) ?? []).flatMap((entry) => (entry?.from ? [byId.get(entry.from)!] : []));
      const borrowed = new Set(lenders.flatMap((lender) => flowMatchersOf(lender)[kind].matchers.map((m) => m.query)));
      const matched = new Set(trees.flatMap((tree) => list.query!.matches(tree).map((m) => list.matcherOfPattern[m.pattern])));
      for (const matcher of new Set(list.matcherOfPattern)) {
        if (!matched.has(matcher) && !borrowed.has(matcher.query)) unmatched.push(`${kind}: ${matcher.query!.trim().split('\n')[0]}`);
      }
    }
    expect(unmatched).toEqual([]);
  });

  // A rule that spares tests (`not: is-test-file`) reports nothing on its own fixture read as a test
  // module: the exclusion no fixture line can show (a fixture is not a test file) is checked here.
  const sparingTests = rules.filter((r) => Object.values(r.where).flat().some((call) => call.name === 'is-test-file' && call.negated));
  it.each(sparingTests.map((r) => [r.id, r] as const))('%s: spares its fixture read as a test module', (_id, rule) => {
    const { main } = fixturesOf(rule);
    const source = readFileSync(main, 'utf8');
    const compiled = compileRules([rule], { validate: false });
    const limits = { timeBudgetMs: 60_000, maxFindings: 100_000 };
    expect(scanSource(main, source, compiled, limits).findings.filter((f) => f.ruleId === rule.id).length).toBeGreaterThan(0);
    expect(scanSource('nova/tests/unit/test_fixture.py', source, compiled, limits).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
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
