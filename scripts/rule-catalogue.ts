import { readFileSync } from 'node:fs';
import { bundledRulesDir } from '../src/package-root.js';
import { PREDICATES } from '../src/rules/predicates/index.js';
import { loadRules } from '../src/rules/load-rules.js';
import { fixtureExamples, renderRuleCatalogue } from '../src/report/render-rule-catalogue.js';

/** docs/rules.md as the bundled rules and predicates make it now (used by the script and the staleness test). */
export function buildRuleCatalogue(): string {
  const rules = loadRules(bundledRulesDir());
  const examples = new Map(rules.map((r) => [r.id, fixtureExamples(readFileSync(r.file.replace(/\.yaml$/, '.py'), 'utf8'), r.id)]));
  return renderRuleCatalogue(rules, examples, [...PREDICATES.values()]);
}
