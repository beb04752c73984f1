import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import type { Rule } from './rule.js';
import { RuleError } from './rule-error.js';
import { validateRule } from './validate-rule.js';

/**
 * Loads every `rules/<family>/*.yaml` below `dir`, validated; throws RuleError on the first bad
 * file. The file stem must be `<id>-<name>`, and ids must be unique.
 */
export function loadRules(dir: string): Rule[] {
  const rules: Rule[] = [];
  const byId = new Map<string, string>();
  for (const family of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const name of readdirSync(join(dir, family)).filter((n) => n.endsWith('.yaml')).sort()) {
      const path = join(dir, family, name);
      const file = relative(process.cwd(), path) || path;
      let doc: unknown;
      try {
        doc = parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new RuleError(file, '(yaml)', (error as Error).message.split('\n')[0]!);
      }
      const rule = validateRule(doc, file, family);
      const stem = basename(name, '.yaml');
      if (stem !== `${rule.id}-${rule.name}`) throw new RuleError(file, 'id', `file must be named ${rule.id}-${rule.name}.yaml to match id and name`);
      const other = byId.get(rule.id);
      if (other) throw new RuleError(file, 'id', `${rule.id} is already used by ${other}`);
      byId.set(rule.id, file);
      rules.push(rule);
    }
  }
  return rules;
}
