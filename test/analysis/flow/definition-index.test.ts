import { DefinitionIndex } from '../../../src/analysis/flow/definition-index.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';

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
