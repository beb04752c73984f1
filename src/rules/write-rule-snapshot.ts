import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { loadRules } from './load-rules.js';
import { gatesOf } from './pattern-gate.js';
import type { Rule } from './rule.js';
import { digestOf, readRuleFiles } from './rule-files.js';
import { gateQueriesOf, readRuleSnapshot, type RuleSnapshot, type StoredGate } from './rule-snapshot.js';
import { conditionKey, type TextCondition } from './text-condition.js';

/**
 * Writes the snapshot of the rules below `dir` to `path` (atomically: a reader never sees half a
 * file): the rules as loadRules gives them, and their gates. When the folder does not load (a
 * bad rule), or loads to something JSON cannot hold (`.inf`), writes none and removes an old one,
 * so that loading reports what it finds; returns whether a snapshot was written.
 */
export function writeRuleSnapshot(dir: string, path: string): boolean {
  const files = readRuleFiles(dir);
  let rules: Rule[];
  const conditions: TextCondition[] = [];
  const indexOf = new Map<string, number>();
  const stored = (condition: TextCondition): number => {
    const key = conditionKey(condition);
    let index = indexOf.get(key);
    if (index === undefined) indexOf.set(key, (index = conditions.push(condition) - 1));
    return index;
  };
  let gates: (StoredGate[] | null)[][];
  try {
    rules = loadRules(dir);
    gates = rules.map((rule) => gateQueriesOf(rule).map((query) => gatesOf(query)?.map((gate) => ({ anchor: gate.anchor, conditions: gate.conditions.map(stored) })) ?? null));
  } catch {
    rmSync(path, { force: true });
    return false;
  }
  const snapshot: RuleSnapshot = { digest: digestOf(files), rules, gates, conditions };
  const text = JSON.stringify(snapshot);
  if (!isDeepStrictEqual(JSON.parse(text), snapshot)) {
    rmSync(path, { force: true });
    return false;
  }
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  // What a reader rebuilds must be what gatesOf gave (a condition with a field JSON drops would not be).
  const read = readRuleSnapshot(path, files);
  if (!read || !read.gates.every(([query, where, found]) => isDeepStrictEqual(found, gatesOf({ query, where: JSON.parse(where) as Rule['where'] })))) {
    rmSync(path, { force: true });
    return false;
  }
  return true;
}
