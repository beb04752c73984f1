import Parser from 'tree-sitter';
import { enclosingNode } from './enclosing-nodes.js';

/** The tree-sitter node type, named once so the rest of the code does not import tree-sitter for it. */
export type SyntaxNode = Parser.SyntaxNode;

/** Visits `root` and every descendant in document order, with a cursor: no recursion, so 10,000 levels of nesting cannot overflow the stack. Return false from `visit` to skip a node's children. */
export function walkDescendants(root: SyntaxNode, visit: (node: SyntaxNode) => boolean | void): void {
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    const descend = visit(cursor.currentNode) !== false;
    if (descend && cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    for (;;) {
      if (depth === 0) return;
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      depth--;
    }
  }
}

/** True when `node` or one of its ancestors is an ERROR node: tree-sitter's recovery guessed there. */
export function isInsideError(node: SyntaxNode): boolean {
  return closestOfType(node, ['ERROR']) !== null;
}

/**
 * The nearest ancestor (or the node itself) whose type is one of `types`. Found by position, not
 * by walking `parent` (tree-sitter descends from the root for each step: d² from depth d).
 */
export function closestOfType(node: SyntaxNode, types: readonly string[]): SyntaxNode | null {
  return types.includes(node.type) ? node : enclosingNode(node, types);
}

/** Strips redundant parentheses: `((x))` → `x`. */
export function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** The outermost parentheses around `node` (itself when none): `x` in `((x))` → `((x))`, whose parent is what uses it. */
export function outermostParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  return n;
}

/** The operands of a chain of `+`, parentheses stripped (`a + (b + c)` → a, b, c; anything else → itself). */
export function plusOperands(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  const n = unwrapParens(node);
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.type === '+') {
    for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) plusOperands(side, out);
  } else out.push(n);
  return out;
}

/** The node an attribute chain starts from (`random` of `random.sample`, `self` of `self.a.b`); the node itself when it is no attribute. */
export function attributeRoot(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'attribute') n = n.childForFieldName('object')!;
  return n;
}

/** A callee's name as written, its last part: `emit` of `notification.emit`, `Identifier` of `sql.Identifier`; null for `f()()`, `a[0]()`. */
export function writtenName(callee: SyntaxNode | null | undefined): string | null {
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text ?? null;
  return null;
}

/** True when `target` is the whole target a `for` loop or a comprehension's `for` binds (`x` of `for x in xs`, not a part of `for a, b in pairs`). */
export function isLoopTarget(target: SyntaxNode): boolean {
  const parent = target.parent;
  return (parent?.type === 'for_statement' || parent?.type === 'for_in_clause') && parent.childForFieldName('left')?.startIndex === target.startIndex;
}
