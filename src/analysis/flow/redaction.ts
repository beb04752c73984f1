import { isConstantString } from '../string-literal.js';
import type { SyntaxNode } from '../syntax.js';
import { constantKey } from './constant-key.js';

// A redaction: a statement that takes an entry out of a dict-valued name, or replaces it by a
// constant (`del info['data']`, `info.pop('data', None)`, `safe['X-Auth-Token'] = '***'`, a loop
// over constant secret keys doing one of those). The value flowing on through the name no longer
// carries what entered under that key (see ScopeDefinitions and FileFlow).

/** A name and the constant keys of the entry a statement writes or removes (`info`, [`data`, `auth_password`] for `info['data']['auth_password']`). */
export interface KeyPath {
  root: SyntaxNode;
  keys: string[];
}

const CONSTANT_TYPES = new Set(['integer', 'float', 'true', 'false', 'none']);
const EMPTY_TYPES = new Set(['dictionary', 'list', 'tuple']);

/**
 * True for a value that carries nothing, written over a secret: a constant (`'***'`, `None`,
 * `''`, `0`), an empty `{}`, `[]` or `()`, or a run of a constant string (`'*' * 8`, `len(pw) * '*'`).
 */
export function isMaskValue(node: SyntaxNode | null): boolean {
  if (!node) return false;
  if (CONSTANT_TYPES.has(node.type) || isConstantString(node)) return true;
  if (EMPTY_TYPES.has(node.type)) return node.namedChildren.every((c) => c.type === 'comment');
  if (node.type === 'parenthesized_expression') return isMaskValue(node.namedChildren[0] ?? null);
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.type !== '*') return false;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return (left !== null && isConstantString(left)) || (right !== null && isConstantString(right));
}

/**
 * The name and constant keys a subscript or attribute chain writes (`d['a']['b']` → d, [a, b];
 * `info.token` → info, [token]). Null when the chain does not start at a name (or at `self`), or
 * a key is not a constant string.
 */
export function keyPathOf(node: SyntaxNode | null): KeyPath | null {
  const keys: string[] = [];
  let at = node;
  while (at?.type === 'subscript' || at?.type === 'attribute') {
    // An attribute is a key as the flow layer reads one (`info.token` of `info`).
    const key = at.type === 'subscript' ? constantKey(at.childForFieldName('subscript')) : at.childForFieldName('attribute')?.text;
    if (key === undefined) return null;
    keys.unshift(key);
    at = at.childForFieldName(at.type === 'subscript' ? 'value' : 'object');
  }
  // `self.token = '***'` changes the object, not a value a trace follows through the name `self`.
  if (at?.type !== 'identifier' || keys.length === 0 || at.text === 'self' || at.text === 'cls') return null;
  return { root: at, keys };
}

/** The receiver's key path and the constant key of `d[...].pop('k'[, default])`; null for any other call. */
export function poppedPath(call: SyntaxNode): KeyPath | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'pop') return null;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  if (args.length === 0 || args.length > 2) return null;
  const key = constantKey(args[0]!);
  if (key === undefined) return null;
  const receiver = fn.childForFieldName('object');
  if (receiver?.type === 'identifier') return { root: receiver, keys: [key] };
  const path = keyPathOf(receiver);
  return path ? { root: path.root, keys: [...path.keys, key] } : null;
}

/**
 * The constant strings a literal lists: `('password', 'token')`, `['a']`, `{'a'}`, and the same
 * wrapped in `set(…)`, `frozenset(…)`, `tuple(…)`, `list(…)`; null for anything else or an empty one.
 */
export function constantKeysOf(node: SyntaxNode | null): string[] | null {
  if (!node) return null;
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
    if (fn?.type !== 'identifier' || !['set', 'frozenset', 'tuple', 'list'].includes(fn.text) || args.length !== 1) return null;
    return constantKeysOf(args[0]!);
  }
  if (node.type === 'parenthesized_expression') return constantKeysOf(node.namedChildren[0] ?? null);
  if (node.type !== 'tuple' && node.type !== 'list' && node.type !== 'set') return null;
  const keys: string[] = [];
  for (const element of node.namedChildren) {
    if (element.type === 'comment') continue;
    const key = constantKey(element);
    if (key === undefined) return null;
    keys.push(key);
  }
  return keys.length > 0 ? keys : null;
}

/**
 * The entry a loop over constant keys redacts on every pass (`for k in SENSITIVE: d[k] = '***'`,
 * `del d[k]`, `d.pop(k, None)`, the same under `if k in d:` or in a `try` that catches
 * `KeyError`): the dict's name and key path, the loop variable standing last. `keysOf` resolves
 * the iterable to its constant keys (a literal, or a module constant naming one). Null for any
 * other loop: a redaction under any other condition, or over keys not known, redacts nothing.
 */
export function loopRedaction(loop: SyntaxNode, keysOf: (iterable: SyntaxNode) => string[] | null): { path: KeyPath; keys: string[] } | null {
  const variable = loop.childForFieldName('left');
  const body = loop.childForFieldName('body');
  if (variable?.type !== 'identifier' || !body || loop.childForFieldName('alternative')) return null;
  let path: KeyPath | null = null;
  for (const s of statementsOf(body)) {
    path = redactedBy(s, variable.text);
    if (!path && s.type === 'if_statement' && s.childrenForFieldName('alternative').length === 0 && isMembershipGuard(s.childForFieldName('condition'), variable.text)) {
      path = firstRedaction(s.childForFieldName('consequence'), variable.text);
    }
    if (!path && s.type === 'try_statement' && catchesKeyError(s)) path = firstRedaction(s.childForFieldName('body'), variable.text);
    if (path) break;
  }
  if (!path) return null;
  const iterable = loop.childForFieldName('right');
  const keys = iterable ? keysOf(iterable) : null;
  return keys ? { path, keys } : null;
}

function statementsOf(block: SyntaxNode | null): SyntaxNode[] {
  return block?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
}

function firstRedaction(block: SyntaxNode | null, variable: string): KeyPath | null {
  for (const s of statementsOf(block)) {
    const path = redactedBy(s, variable);
    if (path) return path;
  }
  return null;
}

/** The dict a statement redacts under the loop variable's key: `d[...][k] = MASK`, `del d[...][k]`, `d[...].pop(k[, default])`. */
function redactedBy(s: SyntaxNode, variable: string): KeyPath | null {
  if (s.type === 'delete_statement') {
    const target = s.namedChildren[0] ?? null;
    return target?.type === 'subscript' ? variableKeyed(target, variable) : null;
  }
  if (s.type !== 'expression_statement') return null;
  const e = s.namedChildren[0];
  if (e?.type === 'assignment') {
    const left = e.childForFieldName('left');
    return left?.type === 'subscript' && isMaskValue(e.childForFieldName('right')) ? variableKeyed(left, variable) : null;
  }
  if (e?.type === 'call') {
    const fn = e.childForFieldName('function');
    const args = e.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'pop' || args.length === 0 || args.length > 2) return null;
    if (args[0]!.type !== 'identifier' || args[0]!.text !== variable) return null;
    const receiver = fn.childForFieldName('object');
    if (receiver?.type === 'identifier') return { root: receiver, keys: [] };
    return keyPathOf(receiver);
  }
  return null;
}

/** `d[...][k]` with k the loop variable: the path of `d[...]`. */
function variableKeyed(target: SyntaxNode, variable: string): KeyPath | null {
  const index = target.childForFieldName('subscript');
  if (index?.type !== 'identifier' || index.text !== variable) return null;
  const object = target.childForFieldName('value');
  if (object?.type === 'identifier') return { root: object, keys: [] };
  return keyPathOf(object);
}

/** `k in d`, `k in d.keys()`, `d.get(k)`: a guard that skips only a key the dict does not hold (or holds empty). */
function isMembershipGuard(condition: SyntaxNode | null, variable: string): boolean {
  if (!condition) return false;
  if (condition.type === 'comparison_operator') {
    const operands = condition.namedChildren;
    const operators = condition.children.filter((c) => !c.isNamed).map((c) => c.type);
    return operands.length === 2 && operators.length === 1 && operators[0] === 'in' && operands[0]!.type === 'identifier' && operands[0]!.text === variable;
  }
  if (condition.type === 'call') {
    const fn = condition.childForFieldName('function');
    const args = condition.childForFieldName('arguments')?.namedChildren ?? [];
    return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get' && args[0]?.type === 'identifier' && args[0].text === variable;
  }
  return false;
}

/** A `try` whose handlers catch `KeyError` (alone or in a tuple) or everything. */
function catchesKeyError(s: SyntaxNode): boolean {
  const handlers = s.namedChildren.filter((c) => c.type === 'except_clause');
  return (
    handlers.length > 0 &&
    handlers.some((h) => {
      const caught = h.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
      return !caught || /\b(KeyError|LookupError|Exception)\b/.test(caught.text);
    })
  );
}
