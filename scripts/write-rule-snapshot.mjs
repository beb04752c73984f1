// Run by `npm run build`: saves the bundled rules' parsed YAML beside the compiled code, so that a
// scan starts without the YAML parser (see src/rules/rule-snapshot.ts).
import { bundledRulesDir, bundledRulesSnapshot } from '../dist/src/package-root.js';
import { writeRuleSnapshot } from '../dist/src/rules/rule-snapshot.js';

if (!writeRuleSnapshot(bundledRulesDir(), bundledRulesSnapshot())) {
  console.warn('diffsec build: a bundled rule file does not parse to plain data; no rule snapshot written, rules load from YAML');
}
