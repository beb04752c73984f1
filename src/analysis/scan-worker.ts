// A scanning process (see ScanPool): is sent every rule first, then compiles each rule selection
// it is asked for once and scans each file it is sent.
import { compileRules, type CompiledRules } from '../rules/compile-rules.js';
import type { Rule } from '../rules/rule.js';
import type { ScanLimits } from './scan-limits.js';
import type { RuleSelection } from './scan-pool.js';
import { scanSource } from './scan-source.js';

let rules: Rule[] = [];
let byId = new Map<string, Rule>();
const compiledSets = new Map<string, CompiledRules>();

/**
 * The compiled rules of a selection, remembered (a long-lived pool sees the same few configs
 * again and again). The main thread has validated the rules: each query compiles only when a
 * file first needs it.
 */
function compiledFor(selection: RuleSelection | null): CompiledRules {
  const key = selection ? JSON.stringify(selection) : '';
  let compiled = compiledSets.get(key);
  if (!compiled) {
    const selected = selection
      ? selection.ids.map((id) => {
          const rule = byId.get(id);
          if (!rule) throw new Error(`the scan pool has no rule ${id}`);
          const severity = selection.severity[id];
          return severity ? { ...rule, severity } : rule;
        })
      : rules;
    compiled = compileRules(selected, { validate: false });
    if (compiledSets.size >= 16) compiledSets.delete(compiledSets.keys().next().value!);
    compiledSets.set(key, compiled);
  }
  return compiled;
}

type Message = { rules: Rule[] } | { id: number; path: string; text: string; selection: RuleSelection | null; limits: ScanLimits };

process.on('message', (message: Message) => {
  if ('rules' in message) {
    rules = message.rules;
    byId = new Map(rules.map((r) => [r.id, r]));
    // Loaded: from now on the pool's deadlines count.
    process.send!({ ready: true });
    return;
  }
  const { id, path, text, selection, limits } = message;
  try {
    process.send!({ id, scan: scanSource(path, text, compiledFor(selection), limits) });
  } catch (error) {
    process.send!({ id, error: (error as Error).message });
  }
});

// The pool gone (its process exited, or closed the channel): nothing left to do.
process.on('disconnect', () => process.exit(0));
