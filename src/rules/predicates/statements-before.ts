import { enclosingNodes } from '../../analysis/enclosing-nodes.js';
import type { SyntaxNode } from '../../analysis/syntax.js';

const BLOCKS = new Set(['block', 'module']);
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
const BLOCKS_AND_SCOPES = [...BLOCKS, ...SCOPES];

/**
 * The statements that run on every path before `node` in its function, nearest first: the earlier
 * ones of its own block, then of each block around it, out to the function (not those inside a
 * branch beside it, which may not run). The blocks are found by position, not by walking
 * `parent` (d² from a node d deep: a hostile expression thousands deep took minutes).
 */
export function* statementsBefore(node: SyntaxNode): Generator<SyntaxNode> {
  for (const around of enclosingNodes(node, BLOCKS_AND_SCOPES)) {
    if (SCOPES.has(around.type)) return;
    // The block's child holding `node` (children do not overlap), or `node` itself.
    const at = around.firstNamedChildForIndex(node.startIndex);
    if (!at || at.startIndex > node.startIndex) continue;
    for (let prev = at.previousNamedSibling; prev; prev = prev.previousNamedSibling) yield prev;
  }
}
