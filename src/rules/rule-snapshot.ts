import { readFileSync, statSync } from 'node:fs';
import { engineCode } from '../code-stamp.js';
import type { Anchor, GateEntry, PatternGate } from './pattern-gate.js';
import type { Rule } from './rule.js';
import { digestOf, type RuleFile } from './rule-files.js';
import type { TextCondition } from './text-condition.js';

/**
 * A rules folder as loading it gives, written at build time (see write-rule-snapshot.ts), because
 * parsing, expanding and validating the bundled rules' YAML, then reading their queries' gates,
 * is a fifth of a short scan's start-up. It is used only while the folder's files (their places
 * and texts: `digest`) are the same, and no module of the engine code is newer than the snapshot
 * (see engineCode): an edited rule file, or a validator rebuilt since (a bare tsc) or edited (src/
 * run by the tests), is never answered from an old snapshot. Times, not the code's stamp: an
 * installed package's files all carry npm's one fixed time, snapshot included.
 */
export interface RuleSnapshot {
  digest: string;
  /** One validated rule per file, in `readRuleFiles` order; `file` is rewritten on load, as loadRules names it. */
  rules: Rule[];
  /** Per rule, the gates of each query of gateQueriesOf(rule), in that order; a condition as its index in `conditions`. */
  gates: (StoredGate[] | null)[][];
  /** Every condition the gates hold, once. */
  conditions: TextCondition[];
}

/** A PatternGate with its conditions as indexes into the snapshot's `conditions`. */
export interface StoredGate {
  anchor: Anchor;
  conditions: number[];
}

/** The queries (with their `where:`) whose gates compiling a rule reads: its own unless it runs `inside`, then each query matcher's of its flow lists. */
export function gateQueriesOf(rule: Rule): Pick<Rule, 'query' | 'where'>[] {
  const matchers = rule.flow ? [...rule.flow.sources, ...rule.flow.sanitizers, ...(rule.flow.steps ?? [])].filter((m) => m.nodeType === undefined) : [];
  return [...(rule.inside ? [] : [rule]), ...matchers];
}

/** The snapshot at `path` when it is current for `files` and not older than this code: the rules, and their gates as gatesOf would give them; null when there is none, or it is unreadable or stale. */
export function readRuleSnapshot(path: string, files: readonly RuleFile[]): { rules: Rule[]; gates: GateEntry[] } | null {
  let snapshot: RuleSnapshot;
  try {
    if (statSync(path).mtimeMs < engineCode().newest) return null;
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as RuleSnapshot;
  } catch {
    return null;
  }
  const current =
    Array.isArray(snapshot?.rules) &&
    snapshot.rules.length === files.length &&
    Array.isArray(snapshot.gates) &&
    snapshot.gates.length === files.length &&
    Array.isArray(snapshot.conditions) &&
    snapshot.digest === digestOf(files);
  if (!current) return null;
  const { rules, conditions } = snapshot;
  const gates: GateEntry[] = [];
  rules.forEach((rule, i) => {
    const stored = snapshot.gates[i]!;
    gateQueriesOf(rule).forEach(({ query, where }, j) => {
      const found: PatternGate[] | null = stored[j]?.map((gate) => ({ anchor: gate.anchor, conditions: gate.conditions.map((c) => conditions[c]!) })) ?? null;
      gates.push([query, JSON.stringify(where), found]);
    });
  });
  return { rules, gates };
}
