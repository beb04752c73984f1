import type { FlowMatcher, FlowSpec } from './flow-spec.js';
import type { PredicateCall } from './rule.js';
import { capturesOf } from './query-patterns.js';

type Fail = (field: string, reason: string) => never;
type ValidateWhere = (value: unknown, field: string) => Record<string, PredicateCall[]>;

const MATCHER_FIELDS = new Set(['query', 'where', 'calls', 'node', 'field-reads', 'indirect-only', 'redacted-with']);

/** A key path of `redacted-with:`: keys joined by dots (`data`, `data.auth_password`). */
const KEY_PATH = /^[^.\s]+(?:\.[^.\s]+)*$/;

/**
 * Validates the flow part of a rule document (`mode: flow`): `sources` (required) and
 * `sanitizers`, each a list of `{query, where}` or `{calls: [dotted names]}` (sources may add
 * `field-reads`, `indirect-only` and `redacted-with`), and `steps` (calls that carry their arguments into their
 * result). The sink query must capture `@sink`. Errors name the field, e.g. `sources[1].query`.
 */
export function validateFlowSpec(raw: Record<string, unknown>, sinkCaptures: Set<string>, fail: Fail, validateWhere: ValidateWhere): FlowSpec {
  if (raw.mode !== 'flow') fail('mode', `must be 'flow' when given (got ${JSON.stringify(raw.mode)})`);
  if (!sinkCaptures.has('sink')) fail('query', 'a flow rule\'s query is its sink and must capture the traced value(s) as @sink');
  if (raw.sources === undefined) fail('sources', 'is required in a flow rule');
  return {
    sources: matchers(raw.sources, 'sources', true, fail, validateWhere),
    sanitizers: raw.sanitizers === undefined ? [] : matchers(raw.sanitizers, 'sanitizers', false, fail, validateWhere),
    steps: raw.steps === undefined ? [] : matchers(raw.steps, 'steps', false, fail, validateWhere),
  };
}

/** The fields only a flow rule may have. */
export const FLOW_FIELDS = ['mode', 'sources', 'sanitizers', 'steps'] as const;

function matchers(value: unknown, field: string, isSource: boolean, fail: Fail, validateWhere: ValidateWhere): FlowMatcher[] {
  if (!Array.isArray(value) || value.length === 0) fail(field, 'must be a non-empty list of {query, where} or {calls} entries');
  return (value as unknown[]).map((entry, i) => {
    const at = `${field}[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) fail(at, 'must be a mapping with query (and where) or calls');
    const m = entry as Record<string, unknown>;
    for (const key of Object.keys(m)) if (!MATCHER_FIELDS.has(key)) fail(`${at}.${key}`, `unknown field (known: ${[...MATCHER_FIELDS].join(', ')})`);
    const fieldReads = (m['field-reads'] as boolean | undefined) ?? true;
    for (const flag of ['field-reads', 'indirect-only']) {
      if (m[flag] !== undefined && (!isSource || typeof m[flag] !== 'boolean')) fail(`${at}.${flag}`, isSource ? 'must be true or false' : 'applies to sources only');
    }
    const indirectOnly = (m['indirect-only'] as boolean | undefined) ?? false;
    const redactedWith = m['redacted-with'] === undefined ? {} : { redactedWith: keyPaths(m['redacted-with'], isSource, `${at}.redacted-with`, fail) };
    if (m.node !== undefined) {
      if (field !== 'sanitizers') fail(`${at}.node`, 'applies to sanitizers only');
      if (m.query !== undefined || m.calls !== undefined) fail(`${at}.node`, 'stands alone: give either node (with where) or query/where or calls');
      if (typeof m.node !== 'string' || !/^[a-z_]+$/.test(m.node)) fail(`${at}.node`, 'must be a node type such as identifier');
      const where = validateWhere(m.where, `${at}.where`);
      const other = Object.keys(where).find((c) => c !== 'value');
      if (other !== undefined || Object.keys(where).length === 0) fail(`${at}.where`, 'must test @value only (a node: matcher has no other capture)');
      return { query: '', where, fieldReads, indirectOnly, field: at, nodeType: m.node as string, ...redactedWith };
    }
    if (m.calls !== undefined) {
      if (m.query !== undefined || m.where !== undefined) fail(`${at}.calls`, 'stands alone: give either calls or query/where');
      const names = m.calls;
      if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string' && n.length > 0)) fail(`${at}.calls`, 'must be a non-empty list of dotted names');
      // Shorthand for a call whose callee resolves (through imports) to one of the names.
      return { query: '(call function: (_) @callee) @value', where: validateWhere({ callee: { 'resolves-to': names } }, `${at}.where`), fieldReads, indirectOnly, field: at, ...redactedWith };
    }
    if (typeof m.query !== 'string' || m.query.trim() === '') fail(`${at}.query`, 'is required (or give calls)');
    const query = (m.query as string).trim();
    const captures = capturesOf(query);
    if (!captures.has('value')) fail(`${at}.query`, 'must capture the recognised expression as @value');
    const where = validateWhere(m.where, `${at}.where`);
    for (const capture of Object.keys(where)) {
      if (!captures.has(capture)) fail(`${at}.where.${capture}`, `names a capture the query does not have (captures: ${[...captures].join(', ')})`);
    }
    return { query, where, fieldReads, indirectOnly, field: at, ...redactedWith };
  });
}

/** `redacted-with:` of a source: a non-empty list of key paths (`data`, `data.auth_password`). */
function keyPaths(value: unknown, isSource: boolean, at: string, fail: Fail): string[] {
  if (!isSource) fail(at, 'applies to sources only');
  if (!Array.isArray(value) || value.length === 0 || !value.every((k) => typeof k === 'string' && KEY_PATH.test(k))) {
    fail(at, 'must be a non-empty list of keys, dotted for a nested one (data, data.auth_password)');
  }
  return value as string[];
}
