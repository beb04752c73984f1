import { basename, relative } from 'node:path';
import { parseYaml } from '../parse-yaml.js';
import type { Rule } from './rule.js';
import { RuleError } from './rule-error.js';
import { readRuleFiles } from './rule-files.js';
import { addKnownGates } from './pattern-gate.js';
import { readRuleSnapshot } from './rule-snapshot.js';
import { expandSharedMatchers } from './shared-matchers.js';
import { validateRule } from './validate-rule.js';

/**
 * Loads every `rules/<family>/*.yaml` below `dir`, validated; throws RuleError on the first bad
 * file. The file stem must be `<id>-<name>`, and ids must be unique. `snapshot`: the path of a
 * rule snapshot of `dir` (see rule-snapshot.ts), used instead of the YAML when current (its gates
 * are then known too).
 */
export function loadRules(dir: string, options: { snapshot?: string } = {}): Rule[] {
  const files = readRuleFiles(dir);
  const fileOf = (path: string) => relative(process.cwd(), path) || path;
  const snapshot = options.snapshot ? readRuleSnapshot(options.snapshot, files) : null;
  if (snapshot) {
    // Loaded from these very files by this very code: only the names, relative to the current folder, may differ.
    snapshot.rules.forEach((rule, i) => (rule.file = fileOf(files[i]!.path)));
    addKnownGates(snapshot.gates);
    return snapshot.rules;
  }
  const rules: Rule[] = [];
  const byId = new Map<string, string>();
  const parsed = files.map(({ path, text }) => {
    try {
      return parseYaml(text);
    } catch (error) {
      throw new RuleError(fileOf(path), '(yaml)', (error as Error).message.split('\n')[0]!);
    }
  });
  // `sources: [{from: DS205}]` borrows another rule's list (see shared-matchers.ts).
  const docs = expandSharedMatchers(parsed, (i, field, reason) => {
    throw new RuleError(fileOf(files[i]!.path), field, reason);
  });
  for (const [i, { family, name, path }] of files.entries()) {
    const file = fileOf(path);
    const doc = docs[i];
    const rule = validateRule(doc, file, family);
    const stem = basename(name, '.yaml');
    if (stem !== `${rule.id}-${rule.name}`) throw new RuleError(file, 'id', `file must be named ${rule.id}-${rule.name}.yaml to match id and name`);
    const other = byId.get(rule.id);
    if (other) throw new RuleError(file, 'id', `${rule.id} is already used by ${other}`);
    byId.set(rule.id, file);
    rules.push(rule);
  }
  return rules;
}
