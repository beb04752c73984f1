import type { FlowExtensions } from '../config/flow-extensions.js';
import type { FlowMatcher, FlowSpec } from './flow-spec.js';
import type { PredicateCall, Rule } from './rule.js';

/** The predicates whose argument is `true` or `{ also: [words] }` (see is-secret-name.ts). */
const SECRET_NAME_PREDICATES = new Set(['is-secret-name', 'flows-into-secret-name']);

/**
 * The rules with a project's flow extensions applied (copies; rules untouched when there is
 * nothing to add): extra secret words join every secret-name test, in sinks, in sources and in
 * what counts as redacting a source, and extra sanitizers and steps join every flow rule.
 */
export function extendFlowRules(rules: Rule[], ext: FlowExtensions | undefined): Rule[] {
  if (!ext || (ext.secretNames.length === 0 && ext.sanitizers.length === 0 && ext.steps.length === 0)) return rules;
  return rules.map((rule) => {
    const where = withSecretNames(rule.where, ext.secretNames);
    if (!rule.flow) return where === rule.where ? rule : { ...rule, where };
    const flow: FlowSpec = {
      sources: rule.flow.sources.map((m) => ({ ...m, where: withSecretNames(m.where, ext.secretNames) })),
      sanitizers: [...rule.flow.sanitizers, ...callsMatcher(ext.sanitizers, 'config flow.sanitizers')],
      steps: [...(rule.flow.steps ?? []), ...callsMatcher(ext.steps, 'config flow.steps')],
      ...(ext.secretNames.length ? { secretWords: [...new Set([...(rule.flow.secretWords ?? []), ...ext.secretNames])] } : {}),
    };
    return { ...rule, where, flow };
  });
}

function withSecretNames(where: Record<string, PredicateCall[]>, words: string[]): Record<string, PredicateCall[]> {
  if (words.length === 0) return where;
  let changed = false;
  const out: Record<string, PredicateCall[]> = {};
  for (const [capture, calls] of Object.entries(where)) {
    out[capture] = calls.map((call) => {
      if (!SECRET_NAME_PREDICATES.has(call.name)) return call;
      changed = true;
      const also = (call.arg as { also?: string[] } | null)?.also ?? [];
      return { ...call, arg: { also: [...new Set([...also, ...words])] } };
    });
  }
  return changed ? out : where;
}

/** A `{calls: names}` matcher, as validate-flow-spec.ts builds it. */
function callsMatcher(names: string[], field: string): FlowMatcher[] {
  if (names.length === 0) return [];
  return [{ query: '(call function: (_) @callee) @value', where: { callee: [{ name: 'resolves-to', arg: names, negated: false }] }, fieldReads: true, indirectOnly: false, field }];
}
