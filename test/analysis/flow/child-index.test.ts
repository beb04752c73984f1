import { ChildIndex } from '../../../src/analysis/flow/child-index.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { namedNodes } from '../../helpers/parse.js';

const SOURCE = `\n\n# leading comment
import os

@decorate
class A(Base):
    """doc"""
    x = 1  # trailing

    def m(self, a, *b, **c):
        return [i for i in a if i], {k: v for k, v in c.items()}

    async def n(self):
        await go(f"{self.x!r:>4}")

if X:
    def g(): pass
else:
    y = lambda q: q
`;

describe('ChildIndex', () => {
  it('reads the same children with a cursor as from namedChildren, for every node', () => {
    const root = parsePython(SOURCE).rootNode;
    const cursor = root.walk();
    const nodes = namedNodes(root);
    for (const node of nodes) {
      const narrow = new ChildIndex(node);
      const wide = new ChildIndex(node, cursor);
      expect(wide.count).toBe(node.namedChildCount);
      expect(wide.starts).toEqual(narrow.starts);
      for (let k = 0; k < wide.count; k++) {
        expect(wide.endOf(k)).toBe(narrow.endOf(k));
        expect(wide.node(k).id).toBe(narrow.node(k).id);
      }
      for (const offset of [node.startIndex, node.endIndex - 1, (node.startIndex + node.endIndex) >> 1]) expect(wide.holding(offset)).toBe(narrow.holding(offset));
    }
  });
});
