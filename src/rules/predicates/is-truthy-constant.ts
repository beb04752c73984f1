import { isConstantString, stringValue } from '../../analysis/string-literal.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { isConstantValue } from './is-constant-value.js';
import { expectTrue, type Predicate } from './predicate.js';

const CONTAINERS = new Set(['list', 'tuple', 'set', 'dictionary']);

/** True for a literal written out in full whose Python truth value is true (`True`, `1`, `'False'`, `[True]`); false for anything else. */
export function isTruthyConstant(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (!isConstantValue(n)) return false;
  switch (n.type) {
    case 'true':
      return true;
    case 'false':
    case 'none':
      return false;
    case 'integer':
    case 'float':
      return !isZero(n.text);
    case 'unary_operator': {
      const arg = unwrapParens(n.childForFieldName('argument') ?? n);
      // `not x` is not a constant here; `-1`/`+1` are, and are truthy unless zero.
      if (arg.type === 'integer' || arg.type === 'float') return !isZero(arg.text);
      return false;
    }
    default:
      break;
  }
  if (isConstantString(n)) {
    // `'a' + ''` has no single stringValue: a concatenation is truthy when either side is.
    if (n.type === 'binary_operator') return n.namedChildren.some((c) => isConstantString(c) && isTruthyConstant(c));
    return (stringValue(n) ?? '').length > 0;
  }
  if (CONTAINERS.has(n.type)) return n.namedChildren.some((c) => c.type !== 'comment');
  return false;
}

function isZero(text: string): boolean {
  const t = text.replace(/_/g, '').toLowerCase();
  if (/^0[xob]/.test(t)) return Number.parseInt(t.slice(2), t[1] === 'x' ? 16 : t[1] === 'o' ? 8 : 2) === 0;
  if (t.endsWith('j')) return Number(t.slice(0, -1)) === 0;
  return Number(t) === 0;
}

/** The capture is a constant literal Python treats as true: `shell=1`, `shell='True'`, `shell=[True]` all turn the shell on. */
export const isTruthyConstantPredicate: Predicate = {
  name: 'is-truthy-constant',
  description:
    'The captured expression is a literal written out in full whose truth value is true: `True`, a non-zero number, a non-empty string (also `"False"`), or a non-empty list, tuple, set or dict; `False`, `None`, `0`, `""` and `[]` are not.',
  checkArg: expectTrue,
  test: (node) => isTruthyConstant(node),
};
