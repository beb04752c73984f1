import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { memoPerTree, type TreeMemo } from '../../analysis/tree-memo.js';
import { constantBinding, FUNCTIONS } from './constant-binding.js';
import { expectTrue, type Predicate } from './predicate.js';

/**
 * True for a name whose one binding is `True` or `False`: a parameter defaulting to one and never
 * rebound (StarlingX's `def delete_region_clients(cls, region_name, clear_token=False)`: whether
 * to drop the cached token, not the token), or a local or module name assigned one once.
 */
export function isBooleanFlag(node: SyntaxNode): boolean {
  if (node.type !== 'identifier') return false;
  // The same name read again in its function has the same binding: asked once per function and name.
  const fn = enclosingNode(node, FUNCTIONS);
  return memoPerTree(flags, node.tree, `${fn?.startIndex ?? -1}:${node.text}`, () => {
    // Without the assignment just before the read: the answer is kept for every read of the name in the function.
    const bound = constantBinding(node, false);
    return bound !== null && (bound.type === 'true' || bound.type === 'false');
  });
}

const flags: TreeMemo<string, boolean> = new WeakMap();

export const isBooleanFlagPredicate: Predicate = {
  name: 'is-boolean-flag',
  description:
    'The captured name is bound once, to `True` or `False`: a parameter defaulting to one and never rebound (`clear_token=False`), or a name assigned one once. A flag named for a secret, not the secret.',
  checkArg: expectTrue,
  test: (node) => isBooleanFlag(node),
};
