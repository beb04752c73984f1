import { lowerBound } from './lower-bound.js';
import type { SyntaxNode } from './syntax.js';
import { memoPerTree, type TreeMemo } from './tree-memo.js';

/** A block's statements and where each ends, read once per block (a block of thousands of reads asks for them each time). */
const blockStatements: TreeMemo<number, { statements: SyntaxNode[]; ends: number[] }> = new WeakMap();

/**
 * The statements of `block` (a `block` or the module) and the index of the one holding `node`, found
 * by position (a binary search, no walk up from `node`: a hostile line nests thousands deep); null
 * when no statement of the block holds it.
 */
export function statementHolding(block: SyntaxNode, node: SyntaxNode): { statements: SyntaxNode[]; at: number } | null {
  const { statements, ends } = memoPerTree(blockStatements, block.tree, block.id, () => {
    const statements = block.namedChildren;
    return { statements, ends: statements.map((c) => c.endIndex) };
  });
  // The first statement ending after the node's start: the one holding it, if it starts before.
  const at = lowerBound(ends, node.startIndex + 1);
  const statement = statements[at];
  return statement && statement.startIndex <= node.startIndex ? { statements, at } : null;
}
