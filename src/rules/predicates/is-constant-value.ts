import { isScalarConstant } from '../../analysis/scalar-constant.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

const SCALARS = new Set(['integer', 'float', 'true', 'false', 'none']);
const CONTAINERS = new Set(['list', 'tuple', 'set']);

/** True for a literal with no run-time part: constant strings and numbers, and lists, tuples, sets and dicts of them. */
export function isConstantValue(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (isScalarConstant(n)) return true;
  if (n.type === 'unary_operator') return SCALARS.has(unwrapParens(n.childForFieldName('argument') ?? n).type);
  if (CONTAINERS.has(n.type)) return n.namedChildren.filter((c) => c.type !== 'comment').every(isConstantValue);
  if (n.type === 'dictionary') {
    return n.namedChildren
      .filter((c) => c.type !== 'comment')
      .every((pair) => pair.type === 'pair' && isConstantValue(pair.childForFieldName('key')!) && isConstantValue(pair.childForFieldName('value')!));
  }
  return false;
}

/** The capture is a literal written out in full: constant strings and numbers, and containers of them. */
export const isConstantValuePredicate: Predicate = {
  name: 'is-constant-value',
  description:
    'The captured expression is a literal with no run-time part: a constant string or number, `True`/`False`/`None`, or a list, tuple, set or dict holding only such literals (`where=["a = 1"]`, `{"n": "count(*)"}`).',
  checkArg: expectTrue,
  test: (node) => isConstantValue(node),
};
