import { idOf, startOf } from '../../../src/analysis/flow/node-fields.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { walkDescendants } from '../../../src/analysis/syntax.js';

describe('node fields read without calling into the binding', () => {
  it('give every node the id and start offset its getters give, after non-ASCII text too', () => {
    const source = 'héllo = "😀 café"\n\ndef f(pässword, *a, **k):\n    x = {"p": pässword}  # 😀\n    return f"{x!r}"\n';
    const root = parsePython(source).rootNode;
    let nodes = 0;
    walkDescendants(root, (node) => {
      nodes++;
      expect(idOf(node)).toBe(node.id);
      expect(startOf(node)).toBe(node.startIndex);
    });
    expect(nodes).toBeGreaterThan(30);
    // Distinct nodes, distinct ids.
    const [a, b] = root.namedChildren;
    expect(idOf(a!)).not.toBe(idOf(b!));
  });
});
