import type { SyntaxNode } from '../../analysis/syntax.js';

const FUNCTION_TYPES = new Set(['function_definition', 'lambda']);

/** The innermost function (or lambda) holding `node`, else its module; null for a node outside any tree. */
export function enclosingScope(node: SyntaxNode): SyntaxNode | null {
  let scope: SyntaxNode | null = node.parent;
  while (scope && !FUNCTION_TYPES.has(scope.type) && scope.type !== 'module') scope = scope.parent;
  return scope;
}
