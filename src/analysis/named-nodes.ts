import type Parser from 'tree-sitter';
import type { SyntaxNode } from './syntax.js';
import { memoPerTree, type TreeMemo } from './tree-memo.js';

type Kind = 'identifier' | 'attribute';

const indexes: TreeMemo<Kind, Map<string, SyntaxNode[]>> = new WeakMap();

/**
 * The identifiers spelled `name`, or the attributes whose last part is `name` (`CONF.group.name`,
 * `self.name`), in document order: the tree is indexed once per kind, not walked per question.
 */
export function nodesNamed(tree: Parser.Tree, kind: Kind, name: string): readonly SyntaxNode[] {
  const byName = memoPerTree(indexes, tree, kind, () => {
    const index = new Map<string, SyntaxNode[]>();
    for (const node of tree.rootNode.descendantsOfType(kind)) {
      const key = kind === 'identifier' ? node.text : node.childForFieldName('attribute')?.text;
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push(node);
      else index.set(key, [node]);
    }
    return index;
  });
  return byName.get(name) ?? [];
}
