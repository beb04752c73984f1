import { enclosingNodes } from '../../analysis/enclosing-nodes.js';
import { isSecretName } from '../../analysis/secret-names.js';
import { stringValue } from '../../analysis/string-literal.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { fixedBinding } from './constant-binding.js';
import { expectTrue, type Predicate } from './predicate.js';

// Red Hat's DCI control server logs some of a request's headers: `for key, value in
// flask.request.headers.items(): key = key.lower()…; if key in ["md5", "mime", "job_id", …]:
// logger.info("DCI-%s:%s" % (key.upper(), value))`. The value read there is one of those headers.

const ENCLOSERS = ['if_statement', 'for_statement', 'function_definition', 'lambda', 'class_definition'];
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** The constant strings a test admits the key as: `key in ["md5", "mime"]`, `key in NAMES`, `key == "md5"`; null for any other test. */
function admittedKeys(condition: SyntaxNode, key: string): string[] | null {
  const c = unwrapParens(condition);
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'and') {
    return admittedKeys(c.childForFieldName('left')!, key) ?? admittedKeys(c.childForFieldName('right')!, key);
  }
  if (c.type !== 'comparison_operator') return null;
  const operands = c.namedChildren.filter((n) => n.type !== 'comment');
  const operators = c.children.filter((n) => !n.isNamed).map((n) => n.text);
  if (operands.length !== 2 || operators.length !== 1 || unwrapParens(operands[0]!).text !== key) return null;
  const other = unwrapParens(operands[1]!);
  if (operators[0] === '==') {
    const value = stringValue(other);
    return value === null ? null : [value];
  }
  if (operators[0] !== 'in') return null;
  const container = other.type === 'identifier' ? fixedBinding(other) : other;
  const items = container && ['list', 'tuple', 'set'].includes(unwrapParens(container).type) ? unwrapParens(container).namedChildren.filter((n) => n.type !== 'comment') : null;
  if (!items || items.length === 0) return null;
  const keys = items.map((i) => stringValue(i));
  return keys.every((k): k is string => k !== null) ? keys : null;
}

/** `for key, value in <x>.items()` (or `iteritems()`): the loop's key and value names. */
function itemsLoop(loop: SyntaxNode): { key: string; value: string } | null {
  const target = loop.childForFieldName('left');
  const right = loop.childForFieldName('right');
  const fn = right?.type === 'call' ? right.childForFieldName('function') : null;
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  if ((method !== 'items' && method !== 'iteritems') || (target?.type !== 'pattern_list' && target?.type !== 'tuple_pattern')) return null;
  const [key, value, ...rest] = target.namedChildren;
  return key?.type === 'identifier' && value?.type === 'identifier' && rest.length === 0 ? { key: key.text, value: value.text } : null;
}

/** Whether every assignment to `key` in `body` before `before` derives it from itself (`key = key.lower().replace("-", "_")`). */
function keyOnlyReshaped(body: SyntaxNode, key: string, before: number): boolean {
  for (const assignment of body.descendantsOfType(['assignment', 'augmented_assignment'])) {
    if (assignment.startIndex >= before || assignment.childForFieldName('left')?.text !== key) continue;
    const right = assignment.childForFieldName('right');
    if (assignment.type !== 'assignment' || !right || !right.text.startsWith(`${key}.`)) return false;
  }
  return true;
}

/**
 * True when `node` reads the value name of a `for key, value in mapping.items()` loop inside an
 * `if` (in the loop's body) that admits only constant keys none of which is named for a secret:
 * the value read is one of those entries. The key may be reshaped by its own methods first.
 */
export function keyedByPlainNames(node: SyntaxNode): boolean {
  if (node.type !== 'identifier') return false;
  let admitted: string[] | null = null;
  let guardKey: { condition: SyntaxNode; start: number } | null = null;
  for (const encloser of enclosingNodes(node, ENCLOSERS)) {
    if (SCOPES.has(encloser.type)) return false;
    if (encloser.type === 'if_statement') {
      const consequence = encloser.childForFieldName('consequence');
      if (consequence && consequence.startIndex <= node.startIndex && node.endIndex <= consequence.endIndex) guardKey ??= { condition: encloser.childForFieldName('condition')!, start: encloser.startIndex };
      continue;
    }
    const loop = itemsLoop(encloser);
    if (!loop) continue;
    if (loop.value !== node.text) continue;
    if (!guardKey) return false;
    admitted = admittedKeys(guardKey.condition, loop.key);
    const body = encloser.childForFieldName('body');
    return admitted !== null && !!body && keyOnlyReshaped(body, loop.key, guardKey.start) && !admitted.some(isSecretName);
  }
  return false;
}

/** The captured name is a mapping's value read only for keys none named for a secret: see keyedByPlainNames. */
export const keyedByPlainNamesPredicate: Predicate = {
  name: 'keyed-by-plain-names',
  description:
    'The captured name is the value of a `for key, value in mapping.items()` loop, read inside an `if` that admits only keys written as constants, none named for a secret (`if key in ["md5", "mime", "job_id"]:`, `key == "name"`, a name bound once to such a list); the key may first be reshaped by its own methods (`key = key.lower().replace("-", "_")`). The value read is one of those entries, not a secret the mapping may hold. Use as a flow sanitizer (`node: identifier`).',
  checkArg: expectTrue,
  test: (node) => keyedByPlainNames(node),
};
