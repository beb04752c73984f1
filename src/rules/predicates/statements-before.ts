import type { SyntaxNode } from '../../analysis/syntax.js';

const BLOCKS = new Set(['block', 'module']);
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

/**
 * The statements that run on every path before `node` in its function, nearest first: the earlier
 * ones of its own block, then of each block around it, out to the function (not those inside a
 * branch beside it, which may not run).
 */
export function* statementsBefore(node: SyntaxNode): Generator<SyntaxNode> {
  let at: SyntaxNode = node;
  while (at.parent && !SCOPES.has(at.parent.type)) {
    const parent: SyntaxNode = at.parent;
    if (BLOCKS.has(parent.type)) {
      for (let prev = at.previousNamedSibling; prev; prev = prev.previousNamedSibling) yield prev;
    }
    at = parent;
  }
}
