import { OffsetFinder } from '../../src/analysis/offset-finder.js';
import { parsePython } from '../../src/analysis/python-parser.js';

describe('OffsetFinder', () => {
  const source = 'é = "ü"\ndef f(a):\n    if a:\n        g(a)  # note\n\n    return a\n';
  const finder = new OffsetFinder(parsePython(source).rootNode);
  const path = (offset: number) => {
    const types: string[] = [];
    const found = finder.seek(offset, (type) => {
      types.push(type);
      return false;
    });
    expect(found).toBe(false);
    return types;
  };

  it('walks down through every node holding the offset, first children included, past non-ASCII text, asking once per type', () => {
    expect(path(source.indexOf('g(a)'))).toEqual(['module', 'function_definition', 'block', 'if_statement', 'expression_statement', 'call', 'identifier']);
    expect(path(source.indexOf('def'))).toEqual(['module', 'function_definition', 'def']);
  });

  it('finds nothing in a gap between children, not the node after it', () => {
    const gap = source.indexOf('\n\n') + 1;
    expect(finder.seek(gap, (type) => type === 'block')).toBe(true);
    expect(finder.seek(gap, (type) => type === 'return_statement')).toBe(false);
    expect(finder.seek(gap, (type) => type === 'identifier')).toBe(false);
    expect(finder.seek(gap, () => false)).toBe(false);
  });

  it('finds the node whatever node was found last', () => {
    expect(finder.seek(source.indexOf('g(a)'), (type) => type === 'expression_statement')).toBe(true);
    expect(finder.node().text).toBe('g(a)');
    expect(finder.seek(source.indexOf('return'), (type) => type === 'return_statement')).toBe(true);
    expect(finder.node().text).toBe('return a');
  });

  it('stops at the outermost node that passes, and describes it', () => {
    expect(finder.seek(source.indexOf('a)  #'), (type) => type.endsWith('_statement'))).toBe(true);
    expect(finder.type).toBe('if_statement');
    expect(source.slice(finder.start, finder.end)).toBe('if a:\n        g(a)  # note');
    expect(finder.node().startPosition).toEqual({ row: 2, column: 4 });
    expect(finder.seek(source.indexOf('g(a)'), (type) => type === 'call')).toBe(true);
    expect(source.slice(finder.start, finder.end)).toBe('g(a)');
  });

  it('finds from wherever the last seek left the cursor what a seek from the root finds, offsets in any order', () => {
    const tree = parsePython('class A:\n    def f(self, x):\n        if x:\n            return [y for y in x]\n        pass\n\n\nz = A()  # end\n').rootNode;
    const text = tree.text;
    const stops = [(t: string) => t.endsWith('_statement'), (t: string) => t === 'block', (t: string) => t === 'identifier', () => false];
    const describe = (f: OffsetFinder, offset: number, stop: (t: string) => boolean) => (f.seek(offset, stop) ? `${f.type}@${f.start}-${f.end}` : 'none');
    const reused = new OffsetFinder(tree);
    const offsets = [...text].map((_, i) => i);
    const shuffled = offsets.map((o) => (o * 37) % offsets.length);
    for (const order of [offsets, [...offsets].reverse(), shuffled]) {
      for (const stop of stops) {
        for (const offset of order) expect(describe(reused, offset, stop)).toBe(describe(new OffsetFinder(tree), offset, stop));
      }
    }
  });
});
