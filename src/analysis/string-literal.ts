import { type SyntaxNode, unwrapParens } from './syntax.js';

/** True for a string literal with no interpolation, or an implicit/`+` concatenation of them. */
export function isConstantString(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  switch (n.type) {
    case 'string':
      return !n.namedChildren.some((c) => c.type === 'interpolation');
    case 'concatenated_string':
      // A comment may sit between the parts of an implicit concatenation.
      return n.namedChildren.every((c) => c.type === 'comment' || isConstantString(c));
    case 'binary_operator':
      return operatorOf(n) === '+' && bothOperands(n).every(isConstantString);
    default:
      return false;
  }
}

/**
 * True for a string built from values at run time: an f-string with a `{}` field, `"…" % x`,
 * `"…".format(x)` (or `.format` on any receiver), or `+` joining a string and a non-constant.
 */
export function isFormattedString(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  switch (n.type) {
    case 'string':
      return n.namedChildren.some((c) => c.type === 'interpolation');
    case 'concatenated_string':
      return n.namedChildren.some(isFormattedString);
    case 'binary_operator': {
      const [left, right] = bothOperands(n);
      if (!left || !right) return false;
      const op = operatorOf(n);
      if (op === '%') return isStringLike(left) && !isConstantString(right);
      if (op === '+') {
        return (isStringLike(left) || isStringLike(right)) && !(isConstantString(left) && isConstantString(right));
      }
      return false;
    }
    case 'call': {
      const fn = n.childForFieldName('function');
      return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' && (n.childForFieldName('arguments')?.namedChildCount ?? 0) > 0;
    }
    default:
      return false;
  }
}

/** The literal text of a constant string (prefix and quotes removed), or null. */
export function stringValue(node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  if (n.type === 'string') {
    if (n.namedChildren.some((c) => c.type === 'interpolation')) return null;
    return n.namedChildren
      .filter((c) => c.type === 'string_content' || c.type === 'escape_sequence')
      .map((c) => c.text)
      .join('');
  }
  if (n.type === 'concatenated_string') {
    let out = '';
    for (const part of n.namedChildren) {
      if (part.type === 'comment') continue;
      const v = stringValue(part);
      if (v === null) return null;
      out += v;
    }
    return out;
  }
  return null;
}

function isStringLike(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  return n.type === 'string' || n.type === 'concatenated_string' || (n.type === 'binary_operator' && isFormattedString(n));
}

function operatorOf(node: SyntaxNode): string | undefined {
  return node.childForFieldName('operator')?.type;
}

function bothOperands(node: SyntaxNode): SyntaxNode[] {
  return [node.childForFieldName('left'), node.childForFieldName('right')].filter((x): x is SyntaxNode => x !== null);
}
