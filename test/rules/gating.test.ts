import { readFileSync } from 'node:fs';
import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules, wordRegExp } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { makeRule } from '../helpers/make-rule.js';

const rules = loadRules(bundledRulesDir());
const key = (f: { ruleId: string; line: number; column: number }) => `${f.ruleId}:${f.line}:${f.column}`;

describe('word gating', () => {
  it('gates most bundled rules', () => {
    expect(compileRules(rules).gated.length).toBeGreaterThan(rules.length / 2);
  });

  it.each(rules.map((r) => [r.id, r] as const))('loses nothing on the %s fixture', (_id, rule) => {
    const source = readFileSync(rule.file.replace(/\.yaml$/, '.py'), 'utf8');
    const all = rules.map((r) => r);
    const gated = scanSource('fixture.py', source, compileRules(all)).findings.map(key);
    const plain = scanSource('fixture.py', source, compileRules(all, { gate: false })).findings.map(key);
    expect(gated).toEqual(plain);
  });

  it('finds a gated rule through an import alias of its word', () => {
    const rule = makeRule({ where: { callee: { 'resolves-to': ['os.system'] } } });
    const compiled = compileRules([rule]);
    expect(compiled.gated.map((g) => g.words)).toEqual([['system']]);
    const source = 'from os import system as run_shell\n\ndef f(x):\n    run_shell(x)\n';
    expect(scanSource('a.py', source, compiled).findings.map((f) => f.line)).toEqual([4]);
  });

  it('matches whole words, and prefixes for words ending in *', () => {
    const re = wordRegExp(['call', 'exec*', '0.0.0.0']);
    expect('subprocess.call(x)'.match(re)).toEqual(['call']);
    expect('recall(x)'.match(re)).toBeNull();
    expect('os.execvp(x)'.match(re)).toEqual(['exec']);
    expect('bind(("0.0.0.0", 80))'.match(re)).toEqual(['0.0.0.0']);
  });
});
