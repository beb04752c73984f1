import { statementHolding } from '../../analysis/block-statements.js';
import { enclosingNodes } from '../../analysis/enclosing-nodes.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

// Chameleon's portal proxies its blog's featured posts: `if response.status_code != 200: return
// JsonResponse([], status=500)`, then `return JsonResponse(response.json())`. The body read after
// the failure returned is the service's answer, not its error.

const STATUS_FIELDS = new Set(['status_code', 'status']);
/** What the search stops at (the read's own function) or looks into. */
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
const ENCLOSERS = ['block', 'module', 'if_statement', ...SCOPES];
/** Statements looked back over in each block for a guard. */
const MAX_STATEMENTS_BACK = 64;
/** Statements that end a guard's branch: what follows runs only when the guard's test failed. */
const EXITS = new Set(['return_statement', 'raise_statement', 'continue_statement', 'break_statement']);

/** The response a body read is of: `response` of `response.json()` / `response.text` / `self.resp.content`. */
function responseOf(node: SyntaxNode): SyntaxNode | null {
  const n = unwrapParens(node);
  const read = n.type === 'call' ? n.childForFieldName('function') : n;
  return read?.type === 'attribute' ? read.childForFieldName('object') : null;
}

/** An integer literal's value, or null. */
function integer(node: SyntaxNode | undefined): number | null {
  const n = node ? unwrapParens(node) : null;
  return n?.type === 'integer' && /^\d+$/.test(n.text) ? Number(n.text) : null;
}

const isSuccessCode = (code: number | null) => code !== null && code >= 200 && code < 300;

/** `r.status_code` or `r.status` of the response written `response`. */
function isStatusOf(node: SyntaxNode | undefined, response: string): boolean {
  const n = node ? unwrapParens(node) : null;
  return n?.type === 'attribute' && STATUS_FIELDS.has(n.childForFieldName('attribute')?.text ?? '') && n.childForFieldName('object')?.text === response;
}

/** A list, tuple or set written out of success codes only. */
function successCodes(node: SyntaxNode | undefined): boolean {
  const n = node ? unwrapParens(node) : null;
  if (!n || !['list', 'tuple', 'set'].includes(n.type)) return false;
  const codes = n.namedChildren.filter((c) => c.type !== 'comment');
  return codes.length > 0 && codes.every((c) => isSuccessCode(integer(c)));
}

/** A comparison's operands and operators (`a < b <= c`: three and two). */
function comparison(node: SyntaxNode): { operands: SyntaxNode[]; operators: string[] } {
  const operands = node.namedChildren.filter((c) => c.type !== 'comment');
  const operators = node.children.filter((c) => !c.isNamed).map((c) => c.text).filter((t) => t !== '(' && t !== ')');
  // `not in` and `is not` are two tokens.
  const joined: string[] = [];
  for (const t of operators) {
    const last = joined[joined.length - 1];
    if ((t === 'in' && last === 'not') || (t === 'not' && last === 'is')) joined[joined.length - 1] = `${last} ${t}`;
    else joined.push(t);
  }
  return { operands, operators: joined };
}

/** True when `test` holds only when the response succeeded: `r.ok`, `r.status_code == 200`, `r.status_code in (200, 201)`, `r.status_code < 400`, `200 <= r.status_code < 300`; `and` with one of them. */
function isSuccessTest(test: SyntaxNode, response: string): boolean {
  const n = unwrapParens(test);
  if (n.type === 'boolean_operator') {
    const operator = n.childForFieldName('operator')?.text;
    const sides = [n.childForFieldName('left'), n.childForFieldName('right')].filter((s): s is SyntaxNode => s !== null);
    return operator === 'and' && sides.some((s) => isSuccessTest(s, response));
  }
  if (n.type === 'not_operator') {
    const argument = n.childForFieldName('argument');
    return argument !== null && isFailureTest(argument, response);
  }
  if (n.type === 'attribute') return n.childForFieldName('attribute')?.text === 'ok' && n.childForFieldName('object')?.text === response;
  if (n.type !== 'comparison_operator') return false;
  const { operands, operators } = comparison(n);
  if (operands.length === 3 && operators.length === 2 && isStatusOf(operands[1], response)) {
    const low = integer(operands[0]);
    const high = integer(operands[2]);
    return low !== null && high !== null && low >= 200 && operators.every((o) => o === '<' || o === '<=') && (operators[1] === '<' ? high <= 300 : high < 300);
  }
  if (operands.length !== 2 || operators.length !== 1) return false;
  const [left, right] = operands;
  const operator = operators[0]!;
  if (isStatusOf(left, response)) {
    if (operator === '==') return isSuccessCode(integer(right));
    if (operator === 'in') return successCodes(right);
    const bound = integer(right);
    return bound !== null && ((operator === '<' && bound <= 400) || (operator === '<=' && bound < 400));
  }
  return operator === '==' && isStatusOf(right, response) && isSuccessCode(integer(left));
}

/** True when `test` holds whenever the response failed: `not r.ok`, `r.status_code != 200`, `r.status_code not in (200, 201)`, `r.status_code >= 400`; `or` with one of them. */
function isFailureTest(test: SyntaxNode, response: string): boolean {
  const n = unwrapParens(test);
  if (n.type === 'boolean_operator') {
    const operator = n.childForFieldName('operator')?.text;
    const sides = [n.childForFieldName('left'), n.childForFieldName('right')].filter((s): s is SyntaxNode => s !== null);
    return operator === 'or' && sides.some((s) => isFailureTest(s, response));
  }
  if (n.type === 'not_operator') {
    const argument = n.childForFieldName('argument');
    return argument !== null && isSuccessTest(argument, response);
  }
  if (n.type !== 'comparison_operator') return false;
  const { operands, operators } = comparison(n);
  if (operands.length !== 2 || operators.length !== 1) return false;
  const [left, right] = operands;
  const operator = operators[0]!;
  if (isStatusOf(left, response)) {
    if (operator === '!=') return isSuccessCode(integer(right));
    if (operator === 'not in') return successCodes(right);
    const bound = integer(right);
    return bound !== null && ((operator === '>=' && bound >= 201 && bound <= 400) || (operator === '>' && bound >= 200 && bound < 400));
  }
  return operator === '!=' && isStatusOf(right, response) && isSuccessCode(integer(left));
}

/** A statement that binds `name` again (`response = …`, `response += …`). */
function rebindsName(statement: SyntaxNode, name: string): boolean {
  const expression = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
  if (expression?.type !== 'assignment' && expression?.type !== 'augmented_assignment') return false;
  const left = expression.childForFieldName('left');
  return left !== null && (left.text === name || left.descendantsOfType('identifier').some((i) => i.text === name && !name.includes('.')));
}

/** `response.raise_for_status()` as a statement of its own. */
function raisesForStatus(statement: SyntaxNode, response: string): boolean {
  const call = statement.type === 'expression_statement' ? unwrapParens(statement.namedChildren[0] ?? statement) : null;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'raise_for_status' && fn.childForFieldName('object')?.text === response;
}

/** `if <failure test>: … return` with no other branch: what follows runs only on success. */
function isFailureGuard(statement: SyntaxNode, response: string): boolean {
  if (statement.type !== 'if_statement' || statement.childForFieldName('alternative')) return false;
  const condition = statement.childForFieldName('condition');
  const body = statement.childForFieldName('consequence');
  const statements = body?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  return condition !== null && last !== undefined && EXITS.has(last.type) && isFailureTest(condition, response);
}

/**
 * True when `node` reads a response's body (`response.json()`, `response.text`) only once the
 * response is known to have succeeded: inside `if response.ok:` (or a 2xx status test), or after
 * `response.raise_for_status()` or a guard `if response.status_code != 200: return …` earlier in
 * its function (at most MAX_STATEMENTS_BACK statements before, in each block), the response not
 * bound again between.
 */
export function checkedAsSuccess(node: SyntaxNode): boolean {
  const response = responseOf(node)?.text;
  if (!response) return false;
  // Enclosers by position, innermost first (no walk up: a hostile line nests thousands deep).
  for (const encloser of enclosingNodes(node, ENCLOSERS)) {
    if (SCOPES.has(encloser.type)) return false;
    if (encloser.type === 'if_statement') {
      const consequence = encloser.childForFieldName('consequence');
      const condition = encloser.childForFieldName('condition');
      if (consequence && condition && consequence.startIndex <= node.startIndex && node.endIndex <= consequence.endIndex && isSuccessTest(condition, response)) return true;
      continue;
    }
    const holding = statementHolding(encloser, node);
    if (!holding) continue;
    // The statements before the one holding the read, nearest first; a guard is written close by.
    const { statements, at } = holding;
    for (let i = at - 1; i >= Math.max(0, at - MAX_STATEMENTS_BACK); i--) {
      const before = statements[i]!;
      if (raisesForStatus(before, response) || isFailureGuard(before, response)) return true;
      if (rebindsName(before, response)) return false;
    }
  }
  return false;
}

/** The captured body read comes after a check that the response succeeded. */
export const checkedAsSuccessPredicate: Predicate = {
  name: 'checked-as-success',
  description:
    'The captured read of a response\'s body (`response.json()`, `response.text`, `resp.content`) runs only once the response is known to have succeeded: inside `if response.ok:` or a test of a 2xx status (`== 200`, `in (200, 201)`, `< 300`), or after `response.raise_for_status()` or a guard `if response.status_code != 200: return …` (`not response.ok`, `>= 400`, `not in (…)`) earlier in its function, the response not bound again between. Use under `not:` on a source of a remote service\'s error text: the body of a successful answer is its data.',
  checkArg: expectTrue,
  test: (node) => checkedAsSuccess(node),
};
