import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The operands of a comparison, as written (parentheses dropped). */
function operandTexts(comparison: SyntaxNode): Set<string> {
  return new Set(comparison.namedChildren.map((c) => unwrapParens(c).text));
}

/** True when some assignment directly in `block` (not in a nested function) writes one of `texts`, or to one of them. */
function assignsOneOf(block: SyntaxNode, texts: Set<string>): boolean {
  for (const statement of block.namedChildren) {
    if (statement.type !== 'expression_statement') continue;
    for (const assignment of statement.namedChildren) {
      if (assignment.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if ((right && texts.has(unwrapParens(right).text)) || (left && texts.has(unwrapParens(left).text))) return true;
    }
  }
  return false;
}

/**
 * True when `comparison` is the whole condition of an `if` whose body stores one side, or stores to
 * one side: `if ansible_password != node.get('password'): hosts['ansible_password'] =
 * node.get('password')` (tacker), `if self.password != password: self.password = password`. That
 * is a setter noticing a change, of a value the caller supplies anyway; no answer depends on the
 * secret, so its timing tells nobody anything.
 */
export function guardsUpdate(comparison: SyntaxNode): boolean {
  let condition: SyntaxNode = comparison;
  while (condition.parent?.type === 'parenthesized_expression') condition = condition.parent;
  const statement = condition.parent;
  if (statement?.type === 'if_statement' && statement.childForFieldName('condition')?.id === condition.id) {
    const body = statement.childForFieldName('consequence');
    if (body !== null && assignsOneOf(body, operandTexts(comparison))) return true;
  }
  return skipsWhenUnchanged(comparison);
}

/**
 * True when `comparison` is an `==` that, alone or `and`-ed with others, makes an `if` whose body
 * is only a bare `return`: zunclient's keyring cache, `if (auth_token == self.auth_token and
 * management_url == self.management_url): return  # Nothing changed`, before it saves the new
 * values. Equal means nothing to do; no caller is told whether its value matched. An `if` that
 * returns a value (`return True`) or returns on `!=` may be a check that denies, and is not this.
 */
function skipsWhenUnchanged(comparison: SyntaxNode): boolean {
  const operators = comparison.childrenForFieldName('operators');
  if (operators.length !== 1 || operators[0]!.type !== '==') return false;
  let condition: SyntaxNode = comparison;
  for (;;) {
    const parent = condition.parent;
    if (parent?.type === 'parenthesized_expression') condition = parent;
    else if (parent?.type === 'boolean_operator' && parent.childForFieldName('operator')?.type === 'and') condition = parent;
    else break;
  }
  const statement = condition.parent;
  if (statement?.type !== 'if_statement' || statement.childForFieldName('condition')?.id !== condition.id) return false;
  const body = statement.childForFieldName('consequence')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return body.length === 1 && body[0]!.type === 'return_statement' && body[0]!.namedChildren.filter((c) => c.type !== 'comment').length === 0;
}

/** The captured comparison guards an update of what it compares: see guardsUpdate. */
export const guardsUpdatePredicate: Predicate = {
  name: 'guards-update',
  description:
    "The captured comparison is the whole condition of an `if` whose body assigns one of its two sides, or assigns to one of them (`if stored_password != new_value: conf['password'] = new_value`, `if self.token != token: self.token = token`), or an `==` that, alone or `and`-ed with others, makes an `if` whose body is only a bare `return` (`if token == self.token and url == self.url: return  # nothing changed`): a setter noticing a change, whose result answers nobody; use under `not:`.",
  checkArg: expectTrue,
  test: (node) => guardsUpdate(node),
};
