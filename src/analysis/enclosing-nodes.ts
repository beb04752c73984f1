import type Parser from 'tree-sitter';
import type { SyntaxNode } from './syntax.js';
import { memoPerTree, type TreeMemo } from './tree-memo.js';

// tree-sitter finds a node's parent by descending from the root, so a walk up from a node
// nested d deep costs d² — per finding, on a hostile `os.system(a)+os.system(a)+…` line of
// 3,000 calls, that is minutes. This index finds the enclosing nodes of a few types by
// position instead: built once per tree and type set, then O(nesting of those types) a lookup.

interface Enclosers {
  /** Nodes of the wanted types, by start offset (outer before inner at the same start). */
  readonly nodes: SyntaxNode[];
  readonly starts: number[];
  readonly ends: number[];
  /** Index of the nearest enclosing node of the list, -1 at the top. */
  readonly outer: number[];
}

const byTree: TreeMemo<string, Enclosers> = new WeakMap();

function build(tree: Parser.Tree, types: readonly string[]): Enclosers {
  const nodes = tree.rootNode.descendantsOfType([...types]);
  nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const starts = nodes.map((n) => n.startIndex);
  const ends = nodes.map((n) => n.endIndex);
  const outer: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    while (open.length && ends[open[open.length - 1]!]! < ends[i]!) open.pop();
    outer.push(open.length ? open[open.length - 1]! : -1);
    open.push(i);
  }
  return { nodes, starts, ends, outer };
}

function enclosersOf(node: SyntaxNode, types: readonly string[]): Enclosers {
  return memoPerTree(byTree, node.tree, types.join(' '), () => build(node.tree, types));
}

/** Whether `candidate`, of the same range as `node`, is `node` or inside it (a block and the one statement it holds share a range). */
function isWithin(candidate: SyntaxNode, node: SyntaxNode): boolean {
  for (let at: SyntaxNode | null = candidate; at && at.startIndex === node.startIndex && at.endIndex === node.endIndex; at = at.parent) {
    if (at.type === node.type) return true;
  }
  return false;
}

/** Parent steps tried before the index: ordinary code is rarely deeper, and a short walk is cheaper than indexing the tree. */
const SHORT_WALK = 24;

/** Trees a short walk found too deep: their lookups go to the index at once (a walk from d deep costs d per step). */
const deepTrees = new WeakSet<Parser.Tree>();

/**
 * The nodes of `types` that strictly enclose `node`, innermost first (a node of those types is
 * not its own encloser): what walking `node.parent` upwards would meet. A short walk first; past
 * SHORT_WALK steps, and from then on in that tree, the index (a hostile expression thousands deep).
 */
export function* enclosingNodes(node: SyntaxNode, types: readonly string[]): Generator<SyntaxNode> {
  if (deepTrees.has(node.tree)) {
    yield* indexedEnclosers(node, types);
    return;
  }
  let yielded = 0;
  let at: SyntaxNode | null = node.parent;
  for (let step = 0; at; step++) {
    if (step === SHORT_WALK) {
      deepTrees.add(node.tree);
      let skip = yielded;
      for (const found of indexedEnclosers(node, types)) if (skip-- <= 0) yield found;
      return;
    }
    if (types.includes(at.type)) {
      yielded++;
      yield at;
    }
    at = at.parent;
  }
}

/** enclosingNodes from the index: a binary search and the chain of enclosing nodes. */
function* indexedEnclosers(node: SyntaxNode, types: readonly string[]): Generator<SyntaxNode> {
  const { nodes, starts, ends, outer } = enclosersOf(node, types);
  // The last node starting at or before `node`; the enclosers are it or its outer chain.
  let lo = 0;
  let hi = starts.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= node.startIndex) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (; at >= 0; at = outer[at]!) {
    if (ends[at]! < node.endIndex) continue;
    const candidate = nodes[at]!;
    if (candidate.startIndex === node.startIndex && candidate.endIndex === node.endIndex && isWithin(candidate, node)) continue;
    yield candidate;
  }
}

/** The innermost node of `types` enclosing `node` (see enclosingNodes), or null. */
export function enclosingNode(node: SyntaxNode, types: readonly string[]): SyntaxNode | null {
  for (const found of enclosingNodes(node, types)) return found;
  return null;
}
