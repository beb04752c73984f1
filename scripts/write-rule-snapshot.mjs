// Run by `npm run build`: saves the bundled rules as loaded, and their gates, beside the compiled
// code, so that a scan starts without parsing or validating them (see src/rules/rule-snapshot.ts).
import { bundledRulesDir, bundledRulesSnapshot } from '../dist/src/package-root.js';
import { writeRuleSnapshot } from '../dist/src/rules/write-rule-snapshot.js';

if (!writeRuleSnapshot(bundledRulesDir(), bundledRulesSnapshot())) {
  console.warn('diffsec build: the bundled rules do not load, or hold what JSON cannot; no rule snapshot written, rules load from YAML');
}
