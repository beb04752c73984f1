import { closestOfType, plusOperands, type SyntaxNode, unwrapParens } from './syntax.js';

import { memoPerTree, type TreeMemo } from './tree-memo.js';

// `['sysctl', '-w'] + cmd` builds a command line, not a query: `+` on lists says nothing of SQL,
// yet with no string written out the SQL rules could not tell it from `base_sql + where`.

const SEQUENCE_LITERALS = new Set(['list', 'tuple', 'list_comprehension', 'set', 'set_comprehension', 'dictionary', 'dictionary_comprehension', 'integer', 'float']);
const SEQUENCE_CALLS = new Set(['list', 'tuple', 'sorted', 'set', 'dict', 'len', 'int', 'float']);
const FUNCTIONS = new Set(['function_definition', 'lambda', 'class_definition']);

/** True for an operand that is plainly not a string: a list, tuple, set or dict display, a comprehension, a number, `list(…)`/`tuple(…)`/`len(…)`. */
function isNonStringValue(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (SEQUENCE_LITERALS.has(n.type)) return true;
  if (n.type !== 'call') return false;
  const fn = n.childForFieldName('function');
  return fn?.type === 'identifier' && SEQUENCE_CALLS.has(fn.text);
}

/**
 * True when every assignment to `name` in `scope` (nested functions and classes aside) binds a
 * value that is plainly not a string, and there is at least one: `ip_cmd = [str(net), '-w', zone]`.
 */
function boundOnlyToNonStrings(scope: SyntaxNode, name: string): boolean {
  let seen = 0;
  const pending = [...scope.namedChildren];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (FUNCTIONS.has(node.type)) continue;
    if (node.type === 'assignment' || node.type === 'augmented_assignment') {
      const left = node.childForFieldName('left');
      if (left?.type === 'identifier' && left.text === name) {
        const right = node.childForFieldName('right');
        if (!right || !plusOperands(right).some(isNonStringValue)) return false;
        seen++;
      }
    }
    pending.push(...node.namedChildren);
  }
  return seen > 0;
}

const answers: TreeMemo<string, boolean> = new WeakMap();

/** boundOnlyToNonStrings, asked once per function body and name: many findings in one function do not walk it each. */
function boundOnlyToNonStringsOnce(body: SyntaxNode, name: string): boolean {
  return memoPerTree(answers, body.tree, `${body.startIndex}:${name}`, () => boundOnlyToNonStrings(body, name));
}

const SEQUENCE_ANNOTATION = /^(?:typing\.)?(?:list|List|tuple|Tuple|Sequence|MutableSequence|Iterable|int|float)\b/;

/** True when `name` is a parameter of `fn` annotated as a list, tuple or number (`vtysh_args: list[str]`). */
function annotatedNonString(fn: SyntaxNode, name: string): boolean {
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (param.type !== 'typed_parameter' && param.type !== 'typed_default_parameter') continue;
    const own = param.type === 'typed_parameter' ? param.namedChildren[0] : param.childForFieldName('name');
    if (own?.text !== name) continue;
    return SEQUENCE_ANNOTATION.test(param.childForFieldName('type')?.text ?? '');
  }
  return false;
}

/**
 * True when a `+` chain joins sequences or numbers, not strings: one of its operands is a list,
 * tuple, dict or set display, a comprehension, a number or `list(…)`-like call, a parameter
 * annotated as a list, tuple or number, or a local name that the enclosing function only ever assigns such values (`cmd = ['tc'] + cmd`,
 * `cmd + ip_cmd` with `ip_cmd = [...]`). False for anything else, `+` of unknown names included.
 */
export function isSequenceConcatenation(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.type !== '+') return false;
  const scope = closestOfType(n, ['function_definition']);
  return joinsSequence(n, scope, scope?.childForFieldName('body') ?? null);
}

const chains: TreeMemo<number, boolean> = new WeakMap();

/**
 * Whether an operand of the `+` chain `n` is plainly no string (see isSequenceConcatenation).
 * Remembered per `+` node: each `+` of a long chain is asked in turn, and the chain is walked once.
 */
function joinsSequence(node: SyntaxNode, scope: SyntaxNode | null, body: SyntaxNode | null): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.type !== '+') {
    if (isNonStringValue(n)) return true;
    return body !== null && n.type === 'identifier' && (annotatedNonString(scope!, n.text) || boundOnlyToNonStringsOnce(body, n.text));
  }
  return memoPerTree(chains, n.tree, n.id, () => {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    return (left !== null && joinsSequence(left, scope, body)) || (right !== null && joinsSequence(right, scope, body));
  });
}

/**
 * True when `node` is a local name that its function only ever assigns lists, tuples, numbers and
 * the like, or a parameter annotated so: run whole, it is an argument vector, not a statement
 * (networking-cisco's `update_cmd = ['iptables', '-R', '%s' % chain, ...]` handed to `execute`).
 */
export function namesSequence(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'identifier') return false;
  const scope = closestOfType(n, ['function_definition']);
  const body = scope?.childForFieldName('body');
  if (!body) return false;
  return annotatedNonString(scope!, n.text) || boundOnlyToNonStringsOnce(body, n.text);
}
