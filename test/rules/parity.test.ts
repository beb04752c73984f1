import { readFileSync } from 'node:fs';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { MEASURED_MARKER, buildParity, readParityIds, renderParity, rulesByAlias } from '../../scripts/parity-doc.js';
import { makeRule } from '../helpers/make-rule.js';

const rules = loadRules(bundledRulesDir());
const ids = readParityIds();

describe('docs/parity.md', () => {
  it('is as generated now (run `npm run docs:parity`)', () => {
    expect(readFileSync('docs/parity.md', 'utf8')).toBe(buildParity());
  });

  it('knows every Bandit id and Ruff code a rule names', () => {
    const unknown = [...rulesByAlias(rules).keys()].filter((alias) => !(alias in ids.bandit) && !(alias in ids.ruff));
    expect(unknown).toEqual([]);
  });

  it('says why each id that no rule names is not covered', () => {
    const by = rulesByAlias(rules);
    const unexplained = [...Object.entries(ids.bandit), ...Object.entries(ids.ruff)].filter(([id, entry]) => !by.has(id) && !entry.reason).map(([id]) => id);
    expect(unexplained).toEqual([]);
  });

  it('lists a rule against the ids it names and a reason against the others, keeping the measured part', () => {
    const rule = makeRule({ bandit: ['B605'], ruff: [] });
    const doc = renderParity([rule], { bandit: { B605: { title: 'one', reason: 'stale reason' }, B606: { title: 'two', reason: 'out of scope' } }, ruff: {} }, `old\n${MEASURED_MARKER}\n## Recall\nmeasured\n`);
    expect(doc).toContain('| B605 | `one` | DS901 `os-system-call` |');
    expect(doc).toContain('| B606 | `two` | — out of scope |');
    expect(doc).not.toContain('stale reason');
    expect(doc).toContain('Covered: 1 of 2 Bandit ids, 0 of 0 Ruff codes.');
    expect(doc.endsWith(`${MEASURED_MARKER}\n## Recall\nmeasured\n`)).toBe(true);
  });
});
