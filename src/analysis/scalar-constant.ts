import { isConstantString } from './string-literal.js';
import type { SyntaxNode } from './syntax.js';

const SCALARS = new Set(['integer', 'float', 'true', 'false', 'none']);

/** A literal scalar: a constant string (see isConstantString), a number, `True`, `False` or `None`. */
export function isScalarConstant(node: SyntaxNode): boolean {
  return SCALARS.has(node.type) || isConstantString(node);
}
