import { closestOfType, unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

// castellan's credentials: `def __eq__(self, other): return self._password == other._password and …`.
// Two objects compared field by field; neither side is a guess someone times.

const EQUALITY_METHODS = new Set(['__eq__', '__ne__']);

/** The attribute name of `self.x` / `other.x`, with the object it is read from. */
function fieldOf(node: SyntaxNode): { object: string; field: string } | null {
  const n = unwrapParens(node);
  if (n.type !== 'attribute') return null;
  const object = n.childForFieldName('object');
  const field = n.childForFieldName('attribute');
  return object?.type === 'identifier' && field ? { object: object.text, field: field.text } : null;
}

/**
 * True when `comparison`, in an `__eq__` or `__ne__` method, compares a field of the method's
 * first parameter with the same field of its second (`self._token == other._token`): an equality
 * of two objects, not a check of a value someone sent.
 */
export function comparesObjectsField(comparison: SyntaxNode): boolean {
  const fn = closestOfType(comparison, ['function_definition']);
  if (!fn || !EQUALITY_METHODS.has(fn.childForFieldName('name')?.text ?? '')) return false;
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p.type === 'identifier' ? p.text : (p.namedChildren[0]?.text ?? '')));
  const [left, right] = comparison.namedChildren.filter((c) => c.type !== 'comment').map(fieldOf);
  if (!left || !right || left.field !== right.field || params.length < 2) return false;
  const objects = new Set([left.object, right.object]);
  return objects.size === 2 && objects.has(params[0]!) && objects.has(params[1]!);
}

/** The captured comparison is an equality method's field-by-field comparison: see comparesObjectsField. */
export const comparesObjectsFieldPredicate: Predicate = {
  name: 'compares-objects-field',
  description:
    'The captured comparison, in an `__eq__` or `__ne__` method, compares a field of the method\'s first parameter with the same field of its second (`self._password == other._password`): two objects compared, not a value someone sent; use under `not:`.',
  checkArg: expectTrue,
  test: (node) => comparesObjectsField(node),
};
