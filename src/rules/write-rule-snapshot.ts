import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { codeStamp } from '../code-stamp.js';
import { compileRules, flowMatchersOf } from './compile-rules.js';
import { loadRules } from './load-rules.js';
import { knownGates } from './pattern-gate.js';
import type { Rule } from './rule.js';
import { digestOf, readRuleFiles } from './rule-files.js';
import type { RuleSnapshot } from './rule-snapshot.js';

/**
 * Writes the snapshot of the rules below `dir` to `path` (atomically: a reader never sees half a
 * file): the rules as loadRules gives them, and their gates (compiling the rule set reads them;
 * no query is compiled). When the folder does not load (a bad rule), or loads to something JSON
 * cannot hold (`.inf`), writes none and removes an old one, so that loading reports what it finds;
 * returns whether a snapshot was written.
 */
export function writeRuleSnapshot(dir: string, path: string): boolean {
  const files = readRuleFiles(dir);
  let rules: Rule[];
  try {
    rules = loadRules(dir);
    compileRules(rules, { validate: false });
    for (const rule of rules) if (rule.flow) flowMatchersOf(rule);
  } catch {
    rmSync(path, { force: true });
    return false;
  }
  const snapshot: RuleSnapshot = { digest: digestOf(files), code: codeStamp(), rules, gates: knownGates() };
  const text = JSON.stringify(snapshot);
  if (!isDeepStrictEqual(JSON.parse(text), snapshot)) {
    rmSync(path, { force: true });
    return false;
  }
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  return true;
}
