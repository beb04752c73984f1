import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledRulesDir, bundledRulesSnapshot } from '../package-root.js';
import { compileRules } from '../rules/compile-rules.js';
import { loadRules } from '../rules/load-rules.js';
import type { Rule } from '../rules/rule.js';
import { UsageError } from './usage-error.js';

/**
 * The bundled rules (unless `bundled` is false) plus those of each `--rules DIR`, in that order.
 * An id defined twice across folders, a missing folder or no rules at all is a UsageError; a bad
 * rule file throws RuleError naming the file and field.
 */
export function loadRuleSet(dirs: readonly string[], bundled: boolean, cwd: string): Rule[] {
  const folders = [...(bundled ? [bundledRulesDir()] : []), ...dirs.map((d) => resolve(cwd, d))];
  const rules: Rule[] = [];
  const origin = new Map<string, string>();
  for (const [i, folder] of folders.entries()) {
    const isBundled = bundled && i === 0;
    const label = isBundled ? 'the bundled rules' : `--rules ${dirs[bundled ? i - 1 : i]}`;
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${label}: not a folder`);
    const loaded = loadRules(folder, isBundled ? { snapshot: bundledRulesSnapshot() } : {});
    // A user's queries compile now, so a mistake names its file before any file is read; the
    // bundled ones are compiled by the test suite, and compile on first use.
    if (!isBundled) compileRules(loaded);
    for (const rule of loaded) {
      const other = origin.get(rule.id);
      if (other) throw new UsageError(`rule ${rule.id} is defined both in ${other} and in ${label}`);
      origin.set(rule.id, label);
      rules.push(rule);
    }
  }
  if (rules.length === 0) throw new UsageError('no rules to run (give --rules DIR, or drop --no-bundled-rules)');
  return rules;
}
