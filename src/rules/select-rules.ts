import type { DiffsecConfig } from '../config/config.js';
import { extendFlowRules } from './extend-flow-rules.js';
import type { Rule } from './rule.js';

/**
 * The rules a config enables, with its severity overrides applied; unknown ids in the config are
 * an error. A rule marked `default: off` runs only when `rules.enable` or `rules.only` names it.
 * The config's `flow:` extensions are applied to the rules selected (see extend-flow-rules.ts).
 */
export function selectRules(rules: readonly Rule[], config: DiffsecConfig): Rule[] {
  const known = new Set(rules.map((r) => r.id));
  const named = [...config.rules.disable, ...config.rules.enable, ...(config.rules.only ?? []), ...Object.keys(config.rules.severity), ...config.perFileIgnores.flatMap((p) => p.rules)];
  const unknown = named.find((id) => !known.has(id));
  if (unknown) throw new Error(`diffsec config names rule ${unknown}, which does not exist`);
  const selected = rules
    .filter((r) => !config.rules.disable.includes(r.id) && (config.rules.only === null ? !r.optIn || config.rules.enable.includes(r.id) : config.rules.only.includes(r.id)))
    .map((r) => (config.rules.severity[r.id] ? { ...r, severity: config.rules.severity[r.id]! } : r));
  return extendFlowRules(selected, config.flow);
}
