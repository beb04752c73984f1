import { renderRuleCatalogue } from '../../src/report/render-rule-catalogue.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';

describe('renderRuleCatalogue', () => {
  it('shows bidirectional controls in examples as visible <U+…> marks, so the page cannot be reordered by them', () => {
    const rule = loadRules(bundledRulesDir()).find((r) => r.id === 'DS711')!;
    expect(rule.docs.bad).toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const page = renderRuleCatalogue([rule], new Map([[rule.id, { flagged: ['# admin\u2067 only'], clean: [] }]]), []);
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(page).toContain('"none<U+202E> <U+2066>"');
    expect(page).toContain('# admin<U+2067> only');
  });
});
