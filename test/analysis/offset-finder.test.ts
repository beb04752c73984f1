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

  it('walks down through every node holding the offset, first children included, past non-ASCII text', () => {
    expect(path(source.indexOf('g(a)'))).toEqual(['module', 'function_definition', 'block', 'if_statement', 'block', 'expression_statement', 'call', 'identifier']);
    expect(path(source.indexOf('def'))).toEqual(['module', 'function_definition', 'def']);
  });

  it('stops in a gap between children', () => {
    expect(path(source.indexOf('\n\n') + 1)).toEqual(['module', 'function_definition', 'block']);
  });

  it('starts every seek from the root, whatever node was read last', () => {
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
});
