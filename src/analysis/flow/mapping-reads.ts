import { mappingKeysOf, percentTemplateOf } from '../percent-template.js';
import { type SyntaxNode, unwrapParens } from '../syntax.js';

/**
 * For `template % mapping` with a constant template of `%(key)s` placeholders only, the keys it
 * reads from the mapping (none for a template without placeholders); null for any other `%`, `+`
 * or `/`, whose operands are carried whole. oslo's `_('... %(hostname)s:%(port)d ...') % log_info`
 * prints two entries of a dict that also holds the broker's password.
 */
export function mappingReads(node: SyntaxNode): string[] | null {
  if (node.childForFieldName('operator')?.type !== '%') return null;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right || unwrapParens(right).type === 'tuple') return null;
  const template = percentTemplateOf(left);
  return template === null ? null : mappingKeysOf(template);
}

const ARITHMETIC = new Set(['+', '-', '*', '//', '%']);

/**
 * An index that picks an element of a list by position: an integer (`-1` too) or arithmetic
 * of numbers (`attempt % len(params_list)`), never a dict's key.
 */
export function isPositionIndex(index: SyntaxNode): boolean {
  const n = unwrapParens(index);
  if (n.type === 'integer') return true;
  if (n.type === 'unary_operator') return n.namedChildren.length === 1 && n.namedChildren[0]!.type === 'integer';
  // Not `'pass' + suffix`, a key built of strings.
  return n.type === 'binary_operator' && ARITHMETIC.has(n.childForFieldName('operator')?.type ?? '') && !n.namedChildren.some((c) => c.type === 'string');
}
