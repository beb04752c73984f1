import type { FlowExtensions } from '../config/flow-extensions.js';
import type { FlowMatcher, FlowSpec } from './flow-spec.js';
import { SECRET_NAME_PREDICATES } from './predicates/is-secret-name.js';
import type { PredicateCall, Rule } from './rule.js';

/**
 * The sink capture a flow rule names `@fault`: the exceptions and calls whose message becomes what
 * users read (DS303's). A project's `user_visible_errors` join its `resolves-to` list.
 */
const USER_VISIBLE_CAPTURE = 'fault';

/**
 * The rules with a project's flow extensions applied (copies; rules untouched when there is
 * nothing to add): extra secret words join every secret-name test, in sinks, in sources and in
 * what counts as redacting a source; extra sanitizers and steps join every flow rule; extra
 * user-visible errors join every flow rule's `@fault` sinks, and extra trusted errors every
 * `caught-untrusted` list.
 */
export function extendFlowRules(rules: Rule[], ext: FlowExtensions | undefined): Rule[] {
  if (!ext || Object.values(ext).every((list) => list.length === 0)) return rules;
  const extendWhere = (where: Record<string, PredicateCall[]>) => withTrustedErrors(withSecretNames(where, ext.secretNames), ext.trustedErrors);
  return rules.map((rule) => {
    let where = extendWhere(rule.where);
    if (!rule.flow) return where === rule.where ? rule : { ...rule, where };
    where = withUserVisibleErrors(where, ext.userVisibleErrors);
    const flow: FlowSpec = {
      sources: rule.flow.sources.map((m) => ({ ...m, where: extendWhere(m.where) })),
      sanitizers: [...rule.flow.sanitizers, ...callsMatcher(ext.sanitizers, 'config flow.sanitizers')],
      steps: [...(rule.flow.steps ?? []), ...callsMatcher(ext.steps, 'config flow.steps')],
      ...(ext.secretNames.length ? { secretWords: [...new Set([...(rule.flow.secretWords ?? []), ...ext.secretNames])] } : {}),
    };
    return { ...rule, where, flow };
  });
}

/** `where:` with the names added to every `caught-untrusted` list (the same object when there is nothing to add). */
function withTrustedErrors(where: Record<string, PredicateCall[]>, names: string[]): Record<string, PredicateCall[]> {
  if (names.length === 0 || !Object.values(where).some((calls) => calls.some((c) => c.name === 'caught-untrusted'))) return where;
  const out: Record<string, PredicateCall[]> = {};
  for (const [capture, calls] of Object.entries(where)) {
    out[capture] = calls.map((call) => (call.name === 'caught-untrusted' ? { ...call, arg: [...new Set([...(call.arg as string[]), ...names])] } : call));
  }
  return out;
}

/** `where:` with the names added to the `@fault` capture's `resolves-to` list, when it has one. */
function withUserVisibleErrors(where: Record<string, PredicateCall[]>, names: string[]): Record<string, PredicateCall[]> {
  const calls = where[USER_VISIBLE_CAPTURE];
  if (names.length === 0 || !calls?.some((c) => c.name === 'resolves-to' && !c.negated)) return where;
  return {
    ...where,
    [USER_VISIBLE_CAPTURE]: calls.map((call) => (call.name === 'resolves-to' && !call.negated ? { ...call, arg: [...new Set([...(call.arg as string[]), ...names])] } : call)),
  };
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
