import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/parse-config.js';
import { parseYaml } from '../../src/parse-yaml.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { selectRules } from '../../src/rules/select-rules.js';

/**
 * bench/rule-sets/*.yml split issue 11's cost bound by rule set (docs/performance.md): they must
 * stay valid configs that select what their names say, as rules are added.
 */
describe('the benchmark rule sets', () => {
  const bundled = loadRules(bundledRulesDir());
  const selected = (file: string) => selectRules(bundled, parseConfig(parseYaml(readFileSync(join('bench/rule-sets', file), 'utf8')))).map((r) => r.id);

  it('every-rule.yml selects every bundled rule, those off by default included', () => {
    expect(selected('every-rule.yml').sort()).toEqual(bundled.map((r) => r.id).sort());
    expect(bundled.some((r) => r.optIn)).toBe(true);
  });

  it('before-flow.yml selects the 32 rules of the build before the flow layer (2623ecc), none of them flow rules then', () => {
    const ids = selected('before-flow.yml');
    expect(ids).toHaveLength(32);
    expect(ids.every((id) => bundled.some((r) => r.id === id))).toBe(true);
    expect(ids.filter((id) => /^DS(14\d|20[5-9]|21\d|30[3-5]|40[34]|60[67]|71\d)$/.test(id))).toEqual([]);
  });

  it('before-flow-and-issue-11.yml adds the 22 rules of issue 11 to those, flow rules among them', () => {
    const before = new Set(selected('before-flow.yml'));
    const added = selected('before-flow-and-issue-11.yml').filter((id) => !before.has(id));
    expect(added).toHaveLength(22);
    expect(added.filter((id) => bundled.find((r) => r.id === id)!.flow).length).toBeGreaterThanOrEqual(14);
  });
});
