import { enclosingNode, enclosingNodes } from '../../src/analysis/enclosing-nodes.js';
import { parsePython } from '../../src/analysis/python-parser.js';
import { walkDescendants, type SyntaxNode } from '../../src/analysis/syntax.js';
import { constantBinding } from '../../src/rules/predicates/constant-binding.js';

const TYPES = ['function_definition', 'lambda', 'for_statement', 'class_definition'];

/** What a walk up `parent` meets: the reference the index must agree with. */
function byParents(node: SyntaxNode, types: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = node.parent; at; at = at.parent) if (types.includes(at.type)) out.push(`${at.type}@${at.startIndex}-${at.endIndex}`);
  return out;
}

const label = (n: SyntaxNode) => `${n.type}@${n.startIndex}-${n.endIndex}`;

const SOURCE = `
import os

BASE = "/srv"

def outer(a, b=lambda x: x + 1):
    for item in a:
        def inner(c):
            return [lambda: c for _ in range(3)]
        os.system(item)
    return b


class Service:
    def run(self, cmd):
        for x in (1, 2):
            for y in (3, 4):
                print(x, y)
    def stop(self):
        pass

after = outer([BASE], b=lambda y: y)
def last(): return (lambda: (lambda: 1))
`;

describe('enclosingNodes', () => {
  it('meets what a walk up the parents meets, for every node of a nested file', () => {
    const tree = parsePython(SOURCE);
    let checked = 0;
    walkDescendants(tree.rootNode, (node) => {
      expect([...enclosingNodes(node, TYPES)].map(label)).toEqual(byParents(node, TYPES));
      checked++;
    });
    expect(checked).toBeGreaterThan(150);
  });

  it('meets the same past the short walk, from nodes nested deeper than it (the index)', () => {
    // Twelve functions, each with a loop, then an expression forty `+` deep: most nodes lie past
    // the first two dozen parents, where the answer comes from the index.
    const lines: string[] = [];
    for (let i = 0; i < 12; i++) {
      const pad = '    '.repeat(2 * i);
      lines.push(`${pad}def f${i}(a):`, `${pad}    for x${i} in a:`);
    }
    const pad = '    '.repeat(24);
    lines.push(`${pad}y = (lambda: ${'(g(x0) + '.repeat(40)}1${')'.repeat(40)})`);
    lines.push(`${pad}class K:`, `${pad}    z = [lambda q: q for _ in ${'['.repeat(30)}1${']'.repeat(30)}]`);
    const tree = parsePython(lines.join('\n') + '\n');
    let deep = 0;
    walkDescendants(tree.rootNode, (node) => {
      const expected = byParents(node, TYPES);
      expect([...enclosingNodes(node, TYPES)].map(label)).toEqual(expected);
      const lambda = enclosingNode(node, ['lambda']);
      expect(lambda ? label(lambda) : undefined).toBe(byParents(node, ['lambda'])[0]);
      let depth = 0;
      for (let at = node.parent; at; at = at.parent) depth++;
      if (depth > 30) deep++;
    });
    expect(deep).toBeGreaterThan(500);
  });

  it('answers null at module level and for a type the file lacks', () => {
    const tree = parsePython('x = 1\ndef f():\n    return x\n');
    const [first, , ret] = tree.rootNode.descendantsOfType('identifier');
    expect(enclosingNode(first!, ['function_definition'])).toBeNull();
    expect(enclosingNode(ret!, ['function_definition'])?.type).toBe('function_definition');
    expect(enclosingNode(ret!, ['while_statement'])).toBeNull();
  });

  it('does not count a node as its own encloser', () => {
    const tree = parsePython('def f():\n    def g():\n        pass\n');
    const [f, g] = tree.rootNode.descendantsOfType('function_definition');
    expect(enclosingNode(g!, ['function_definition'])?.startIndex).toBe(f!.startIndex);
    expect(enclosingNode(f!, ['function_definition'])).toBeNull();
  });
});

describe('constantBinding on a hostile file', () => {
  // Walking `parent` from the bottom of a 3,000-deep chain costs depth² per name; a file of
  // thousands of such names took minutes (the robustness battery's many-findings hazard).
  it('stays fast on thousands of names at the bottom of one deep expression', () => {
    const tree = parsePython(`A = "x"\nv = (${'f(A)+'.repeat(3000)}f(A))\n`);
    const names = tree.rootNode.descendantsOfType('identifier').filter((n) => n.text === 'A');
    const started = performance.now();
    const bound = names.map((n) => constantBinding(n)?.text);
    expect(bound.filter((b) => b === '"x"').length).toBe(3002);
    expect(performance.now() - started).toBeLessThan(10_000); // seconds per name before, not milliseconds
  });

  it('stays fast on thousands of statements, each naming a module constant', () => {
    const tree = parsePython(`A = "x"\n${'f(A)\n'.repeat(5000)}A2 = 1\nA2 = 2\n`);
    const names = tree.rootNode.descendantsOfType('identifier').filter((n) => n.text === 'A' || n.text === 'A2');
    const bound = names.map((n) => constantBinding(n)?.text ?? null);
    expect(bound.filter((b) => b === '"x"').length).toBe(5001);
    expect(bound.filter((b) => b === null).length).toBe(2); // assigned twice: no one value
  });
});
