import { DefinitionIndex } from '../../../src/analysis/flow/definition-index.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { namedNodes } from '../../helpers/parse.js';

const SOURCE = `
x = read()

@decorate(deco_arg)
class A(Base):
    attr = a_value

    def m(self):
        def inner():
            return in_inner
        return in_m

    class B:
        def n(self):
            return in_n

if PY3:
    def g():
        class C:
            c_attr = in_c
        return in_g
`;

function name(node: SyntaxNode | null): string | null {
  return node?.childForFieldName('name')?.text ?? null;
}

describe('DefinitionIndex', () => {
  const root = parsePython(SOURCE).rootNode;
  const index = new DefinitionIndex(root);
  const at = (text: string) => root.descendantsOfType('identifier').find((n) => n.text === text)!;

  it('finds the innermost and outermost function holding a node, through classes and module-level blocks', () => {
    expect(name(index.innermostFunction(at('in_inner')))).toBe('inner');
    expect(name(index.outermostFunction(at('in_inner')))).toBe('m');
    expect(name(index.innermostFunction(at('in_n')))).toBe('n');
    expect(name(index.outermostFunction(at('in_n')))).toBe('n');
    expect(name(index.innermostFunction(at('in_c')))).toBe('g');
    expect(name(index.outermostFunction(at('in_g')))).toBe('g');
    expect(index.innermostFunction(at('a_value'))).toBeNull();
    expect(index.innermostFunction(at('x'))).toBeNull();
    expect(index.outermostFunction(at('deco_arg'))).toBeNull();
  });

  it('finds the innermost class holding a node', () => {
    expect(name(index.innermostClass(at('in_m')))).toBe('A');
    expect(name(index.innermostClass(at('in_n')))).toBe('B');
    expect(name(index.innermostClass(at('in_c')))).toBe('C');
    expect(index.innermostClass(at('in_g'))).toBeNull();
    expect(index.innermostClass(at('deco_arg'))).toBeNull();
    expect(name(index.innermostClass(at('Base')))).toBe('A');
  });

  it('does not count a node as held by itself', () => {
    const m = root.descendantsOfType('function_definition').find((f) => name(f) === 'm')!;
    expect(index.innermostFunction(m)).toBeNull();
    expect(name(index.innermostClass(m))).toBe('A');
  });
});

describe('DefinitionIndex against each node’s ancestors', () => {
  // Leading blank lines (the module starts after them), `def`/`class` in strings, words and
  // attributes, async and decorated definitions, a function with none nested, and a file with errors.
  const SOURCES = [
    `\n\n  \ndef plain(a):\n    s = "def class"\n    return undefined_default(a).define\n\nasync def outer():\n    async def inner():\n        return in_inner\n    return 1\n`,
    `class K:\n    '''class docstring: def x'''\n    @deco(class_arg)\n    def m(self):\n        return self.klass\n\n    class Inner(Base):\n        def n(self):\n            return lambda: deep\n\nif X:\n    class Y:\n        pass\nelse:\n    def z():\n        return zz\n`,
    `def broken(:\n    return q\nclass\ndef ok():\n    def in_ok():\n        return w\n`,
  ];

  const ancestors = (node: SyntaxNode, type: string): SyntaxNode[] => {
    const out: SyntaxNode[] = [];
    for (let p = node.parent; p; p = p.parent) if (p.type === type) out.push(p);
    return out;
  };

  it.each(SOURCES.map((s, i) => [i, s]))('answers as the ancestors do, source %i', (_i, source) => {
    const root = parsePython(source as string).rootNode;
    const index = new DefinitionIndex(root);
    const nodes = namedNodes(root);
    for (const node of nodes) {
      const functions = ancestors(node, 'function_definition');
      expect([node.text, index.innermostFunction(node)?.id ?? null]).toEqual([node.text, functions[0]?.id ?? null]);
      expect([node.text, index.outermostFunction(node)?.id ?? null]).toEqual([node.text, functions[functions.length - 1]?.id ?? null]);
      expect([node.text, index.innermostClass(node)?.id ?? null]).toEqual([node.text, ancestors(node, 'class_definition')[0]?.id ?? null]);
    }
  });
});
