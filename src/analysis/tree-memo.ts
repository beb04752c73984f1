import type Parser from 'tree-sitter';

/** Answers kept per syntax tree, by key: dropped with the tree. */
export type TreeMemo<K, V> = WeakMap<Parser.Tree, Map<K, V>>;

/**
 * The answer for `key` in `tree`, computed once: a file of many findings asks the same question
 * of the same scope or chain once per finding, and walking it each time is quadratic.
 */
export function memoPerTree<K, V>(memo: TreeMemo<K, V>, tree: Parser.Tree, key: K, compute: () => V): V {
  let perTree = memo.get(tree);
  if (!perTree) memo.set(tree, (perTree = new Map()));
  if (perTree.has(key)) return perTree.get(key)!;
  const value = compute();
  perTree.set(key, value);
  return value;
}
