import { isConstantString } from '../string-literal.js';
import { isScalarConstant } from '../scalar-constant.js';
import { unwrapParens, type SyntaxNode } from '../syntax.js';
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

/** Marks a redacted key that matches any spelling with the same lower case (`k.lower() in KEYS`): HTTP header names. */
const FOLDED = '\u0001';

/** Whether a redacted key (see FOLDED) stands for `key`. */
export function keyMatches(redacted: string, key: string): boolean {
  return redacted === key || (redacted.startsWith(FOLDED) && redacted.slice(1) === key.toLowerCase());
}

/** A redacted key as written, its case-folding mark taken off. */
export function keyText(redacted: string): string {
  return redacted.startsWith(FOLDED) ? redacted.slice(1) : redacted;
}

const EMPTY_TYPES = new Set(['dictionary', 'list', 'tuple']);

/**
 * True for a value that carries nothing, written over a secret: a constant (`'***'`, `None`,
 * `''`, `0`), an empty `{}`, `[]` or `()`, or a run of a constant string (`'*' * 8`, `len(pw) * '*'`).
 */
export function isMaskValue(node: SyntaxNode | null): boolean {
  if (!node) return false;
  if (isScalarConstant(node)) return true;
  if (EMPTY_TYPES.has(node.type)) return node.namedChildren.every((c) => c.type === 'comment');
  if (node.type === 'parenthesized_expression') return isMaskValue(node.namedChildren[0] ?? null);
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.type !== '*') return false;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return (left !== null && isConstantString(left)) || (right !== null && isConstantString(right));
}

/** A name for the permission to see secrets (`show_password`, ironic's `show_driver_secrets`, `context.show_password`). */
const SHOW_SECRETS = /^show_(\w+_)?(passwords?|secrets?)$/;
/** A policy check's methods (`policy.check(...)`, `policy.authorize(...)`, `policy.enforce(...)`). */
const POLICY_CHECKS = new Set(['check', 'authorize', 'enforce']);

/**
 * True for the test of a caller lacking the permission to see secrets: `not show_password`, `not
 * context.show_password`, `not policy.check('show_password', ...)` (also `policy.authorize`,
 * `policy.enforce`, the object `policy` or ending in it). A redaction under it leaves the secret
 * only to callers allowed to read it, as ironic's API masks `driver_info` (CVE-2016-4985's fix).
 */
export function deniesDisclosure(condition: SyntaxNode | null): boolean {
  if (condition?.type !== 'not_operator') return false;
  const argument = condition.childForFieldName('argument');
  if (!argument) return false;
  const tested = unwrapParens(argument);
  if (tested.type === 'identifier') return SHOW_SECRETS.test(tested.text);
  if (tested.type === 'attribute') return SHOW_SECRETS.test(tested.childForFieldName('attribute')?.text ?? '');
  if (tested.type !== 'call') return false;
  const fn = tested.childForFieldName('function');
  if (fn?.type !== 'attribute' || !POLICY_CHECKS.has(fn.childForFieldName('attribute')?.text ?? '')) return false;
  const object = fn.childForFieldName('object');
  const holder = object?.type === 'attribute' ? object.childForFieldName('attribute') : object;
  return holder?.type === 'identifier' && holder.text === 'policy';
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
  const pop = popCall(call);
  const key = pop ? constantKey(pop.key) : undefined;
  if (key === undefined) return null;
  const path = dictPath(pop!.receiver);
  return path ? { root: path.root, keys: [...path.keys, key] } : null;
}

/**
 * `d.update({'client_secret': '<REDACTED>'})` or `d.update(password='***')`, every entry written a
 * mask (see isMaskValue) under a constant key: the receiver's path and the entries it masks (cauth's
 * OAuth2 login, before the request's parameters are logged). Null for any other call, or one that
 * also writes a value.
 */
export function maskedUpdate(call: SyntaxNode): { path: KeyPath; keys: string[] } | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'update') return null;
  const path = dictPath(fn.childForFieldName('object'));
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  if (!path || args.length === 0) return null;
  const keys: string[] = [];
  const entries = args.length === 1 && args[0]!.type === 'dictionary' ? args[0]!.namedChildren.filter((c) => c.type !== 'comment') : args;
  for (const entry of entries) {
    const key = entry.type === 'pair' ? constantKey(entry.childForFieldName('key')) : entry.type === 'keyword_argument' ? entry.childForFieldName('name')?.text : undefined;
    if (key === undefined || !isMaskValue(entry.childForFieldName('value'))) return null;
    keys.push(key);
  }
  return keys.length > 0 ? { path, keys } : null;
}

/** `x.pop(key[, default])`: its receiver and key argument; null for any other call. */
function popCall(call: SyntaxNode): { receiver: SyntaxNode | null; key: SyntaxNode } | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'pop') return null;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  return args.length === 0 || args.length > 2 ? null : { receiver: fn.childForFieldName('object'), key: args[0]! };
}

/** The dict a name or a key path stands for: `d` (no keys), `d['a']['b']`, `d.a` (see keyPathOf). */
function dictPath(node: SyntaxNode | null): KeyPath | null {
  return node?.type === 'identifier' ? { root: node, keys: [] } : keyPathOf(node);
}

/** Whether two key paths name the same entry (the same root name, the same keys). */
function samePath(a: KeyPath | null, b: KeyPath): boolean {
  return a !== null && a.root.text === b.root.text && a.keys.length === b.keys.length && a.keys.every((k, i) => k === b.keys[i]);
}

/** `a in b`, one operator: its two operands; null for any other condition. */
function membershipTest(condition: SyntaxNode | null): [SyntaxNode, SyntaxNode] | null {
  if (condition?.type !== 'comparison_operator') return null;
  const operands = condition.namedChildren;
  const operators = condition.children.filter((c) => !c.isNamed).map((c) => c.type);
  return operands.length === 2 && operators.length === 1 && operators[0] === 'in' ? [operands[0]!, operands[1]!] : null;
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
 * `KeyError`), or a loop over the dict's own keys that redacts those a constant set lists (`for k
 * in d: if k in SENSITIVE: d[k] = '***'`, also `k.lower() in …`): the dict's name and key path,
 * the loop variable standing last. `keysOf` resolves an iterable to its constant keys (a literal,
 * or a module constant naming one). Null for any other loop: a redaction under any other
 * condition, or over keys not known, redacts nothing.
 */
export function loopRedaction(loop: SyntaxNode, keysOf: (iterable: SyntaxNode) => string[] | null): { path: KeyPath; keys: string[] } | null {
  const variable = loop.childForFieldName('left');
  const body = loop.childForFieldName('body');
  if (variable?.type !== 'identifier' || !body || loop.childForFieldName('alternative')) return null;
  let path: KeyPath | null = null;
  /** The keys a constant-membership guard lets through to the redaction (`if k in SENSITIVE:`), when one does. */
  let guarded: string[] | null = null;
  /** Whether that guard compares the key case-folded (`k.lower() in …`). */
  let folds = false;
  for (const s of statementsOf(body)) {
    path = redactedBy(s, variable.text);
    if (!path && s.type === 'if_statement' && s.childrenForFieldName('alternative').length === 0) {
      const condition = s.childForFieldName('condition');
      const redacted = firstRedaction(s.childForFieldName('consequence'), variable.text);
      const listed = redacted ? constantGuardKeys(condition, variable.text, keysOf) : null;
      if (redacted && (listed || isMembershipGuard(condition, variable.text, redacted))) {
        path = redacted;
        if (listed) [guarded, folds] = [listed.keys, listed.folds];
      }
    }
    if (!path && s.type === 'try_statement' && catchesKeyError(s)) path = firstRedaction(s.childForFieldName('body'), variable.text);
    if (path) break;
  }
  if (!path) return null;
  const iterable = loop.childForFieldName('right');
  const iterated = iterable ? keysOf(iterable) : null;
  // Keys listed twice (the iterable and the guard): only those in both are redacted.
  if (iterated) return { path, keys: guarded ? iterated.filter((k) => guarded!.includes(k)) : iterated };
  // The dict's own keys, filtered by a constant set: those the set lists are redacted, whatever else the dict holds.
  return guarded && iterable && iteratesKeysOf(iterable, path) ? { path, keys: folds ? guarded.map((k) => FOLDED + k.toLowerCase()) : guarded } : null;
}

/**
 * `k in KEYS` or `k.lower() in KEYS` (also `.casefold()`) with KEYS constant keys: those keys, and
 * whether the key is compared case-folded (then only KEYS' lower-case members can match); null for
 * any other condition.
 */
function constantGuardKeys(condition: SyntaxNode | null, variable: string, keysOf: (iterable: SyntaxNode) => string[] | null): { keys: string[]; folds: boolean } | null {
  const test = membershipTest(condition);
  if (!test) return null;
  const [key, collection] = test;
  const folds = isFoldedLoopKey(key, variable);
  if (!folds && !(key.type === 'identifier' && key.text === variable)) return null;
  const keys = constantKeysOf(collection) ?? keysOf(collection);
  if (!keys) return null;
  // `k.lower()` never equals a key with an upper-case letter: only the lower-case ones let a key through.
  const through = folds ? keys.filter((k) => k === k.toLowerCase()) : keys;
  return through.length > 0 ? { keys: through, folds } : null;
}

/** `k.lower()` or `k.casefold()` of the loop variable: the key a redaction under the guard writes is still the variable, in any case. */
function isFoldedLoopKey(node: SyntaxNode, variable: string): boolean {
  if (node.type !== 'call' || (node.childForFieldName('arguments')?.namedChildren.length ?? 0) !== 0) return false;
  const fn = node.childForFieldName('function');
  const receiver = fn?.childForFieldName('object');
  return fn?.type === 'attribute' && ['lower', 'casefold'].includes(fn.childForFieldName('attribute')?.text ?? '') && receiver?.type === 'identifier' && receiver.text === variable;
}

/** Whether the iterable walks the keys of the dict at `path`: `d`, `d.keys()`, `list(d)`, `list(d.keys())`, `d.copy()`, `dict(d)`. */
function iteratesKeysOf(iterable: SyntaxNode, path: KeyPath): boolean {
  let at: SyntaxNode | null = iterable;
  if (at.type === 'call') {
    const fn = at.childForFieldName('function');
    const args = at.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
    if (fn?.type === 'identifier' && ['list', 'tuple', 'sorted', 'dict'].includes(fn.text) && args.length === 1) at = args[0]!;
  }
  if (at.type === 'call') {
    const fn = at.childForFieldName('function');
    if (fn?.type !== 'attribute' || !['keys', 'copy'].includes(fn.childForFieldName('attribute')?.text ?? '') || (at.childForFieldName('arguments')?.namedChildren.length ?? 0) !== 0) return false;
    at = fn.childForFieldName('object');
  }
  return samePath(dictPath(at), path);
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
  const pop = e?.type === 'call' ? popCall(e) : null;
  return pop && pop.key.type === 'identifier' && pop.key.text === variable ? dictPath(pop.receiver) : null;
}

/** `d[...][k]` with k the loop variable: the path of `d[...]`. */
function variableKeyed(target: SyntaxNode, variable: string): KeyPath | null {
  const index = target.childForFieldName('subscript');
  if (index?.type !== 'identifier' || index.text !== variable) return null;
  return dictPath(target.childForFieldName('value'));
}

/**
 * `k in d`, `k in d.keys()`, `d.get(k)`, d being the dict the guarded statement redacts: a guard
 * that skips only a key the dict does not hold (or holds empty).
 */
function isMembershipGuard(condition: SyntaxNode | null, variable: string, redacted: KeyPath): boolean {
  const test = membershipTest(condition);
  if (test) return test[0].type === 'identifier' && test[0].text === variable && iteratesKeysOf(test[1], redacted);
  if (condition?.type !== 'call') return false;
  const fn = condition.childForFieldName('function');
  const args = condition.childForFieldName('arguments')?.namedChildren ?? [];
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get' && args[0]?.type === 'identifier' && args[0].text === variable && samePath(dictPath(fn.childForFieldName('object')), redacted);
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
