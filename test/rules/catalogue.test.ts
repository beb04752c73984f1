import { existsSync, readFileSync } from 'node:fs';
import { scanSource } from '../../src/analysis/scan-source.js';
import { parsePython } from '../../src/analysis/python-parser.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { buildRuleCatalogue } from '../../scripts/rule-catalogue.js';
import { readAnnotations } from '../helpers/rule-fixture.js';

const rules = loadRules(bundledRulesDir());
const byId = rules.map((r) => [r.id, r] as const);

describe('the rule catalogue', () => {
  it('covers the families the engine promises', () => {
    const families = new Set(rules.map((r) => r.family));
    for (const family of ['input-validation', 'secrets', 'resources', 'transport', 'crypto', 'classics']) expect(families).toContain(family);
  });

  it.each(byId)('%s has a fixture that parses cleanly, with flagged and clean lines', (id, rule) => {
    const fixture = rule.file.replace(/\.yaml$/, '.py');
    expect(existsSync(fixture)).toBe(true);
    const source = readFileSync(fixture, 'utf8');
    expect(parsePython(source).rootNode.hasError).toBe(false);
    const { expect: flagged, ok } = readAnnotations(source);
    expect(flagged.get(id)?.size ?? 0).toBeGreaterThanOrEqual(3);
    expect(ok.get(id)?.size ?? 0).toBeGreaterThanOrEqual(3);
  });

  it.each(byId)('%s flags its documented bad example and not its good one', (_id, rule) => {
    const compiled = compileRules([rule]);
    const run = (code: string) => scanSource('example.py', code + '\n', compiled).findings.filter((f) => !f.suppressed);
    expect(run(rule.docs.bad).length).toBeGreaterThan(0);
    expect(run(rule.docs.good)).toEqual([]);
  });

  it('is documented in docs/rules.md as generated now (run `npm run docs:rules`)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(buildRuleCatalogue());
  });
});
