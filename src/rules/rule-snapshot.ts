import { readFileSync } from 'node:fs';
import { codeStamp } from '../code-stamp.js';
import type { GateEntry } from './pattern-gate.js';
import type { Rule } from './rule.js';
import { digestOf, type RuleFile } from './rule-files.js';

/**
 * A rules folder as loading it gives, written at build time (see write-rule-snapshot.ts), because
 * parsing, expanding and validating the bundled rules' YAML, then reading their queries' gates,
 * is a fifth of a short scan's start-up. It is used only while both the folder's files (their
 * places and texts: `digest`) and the engine code that loaded it (`code`, see codeStamp) are the
 * same, so an edited rule file, or a rebuilt validator, is never answered from an old snapshot.
 */
export interface RuleSnapshot {
  digest: string;
  code: string;
  /** One validated rule per file, in `readRuleFiles` order; `file` is rewritten on load, as loadRules names it. */
  rules: Rule[];
  /** Every gate computing the rules' (and their flow lists') gates gave (see gatesOf). */
  gates: GateEntry[];
}

/** The snapshot at `path` when it is current for `files` and this code; null when there is none, or it is unreadable or stale. */
export function readRuleSnapshot(path: string, files: readonly RuleFile[]): Pick<RuleSnapshot, 'rules' | 'gates'> | null {
  let snapshot: RuleSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as RuleSnapshot;
  } catch {
    return null;
  }
  const current = snapshot?.code === codeStamp() && Array.isArray(snapshot.rules) && snapshot.rules.length === files.length && Array.isArray(snapshot.gates) && snapshot.digest === digestOf(files);
  return current ? snapshot : null;
}
