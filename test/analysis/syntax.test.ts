import { parsePython } from '../../src/analysis/python-parser.js';
import { descendTo } from '../../src/analysis/syntax.js';

describe('descendTo', () => {
  const source = 'é = "ü"\ndef f(a):\n    if a:\n        g(a)  # note\n\n    return a\n';
  const root = parsePython(source).rootNode;
  const path = (offset: number) => {
    const types: string[] = [];
    descendTo(root, offset, (type) => {
      types.push(type);
      return 'deeper';
    });
    return types;
  };

  it('walks down through every node holding the offset, first children included, past non-ASCII text', () => {
    expect(path(source.indexOf('g(a)'))).toEqual(['module', 'function_definition', 'block', 'if_statement', 'block', 'expression_statement', 'call', 'identifier']);
    expect(path(source.indexOf('def'))).toEqual(['module', 'function_definition', 'def']);
  });

  it('stops in a gap between children', () => {
    expect(path(source.indexOf('\n\n') + 1)).toEqual(['module', 'function_definition', 'block']);
  });

  it('returns the last node kept', () => {
    const statement = descendTo(root, source.indexOf('a)  #'), (type) => (type.endsWith('_statement') ? 'keep-deeper' : 'deeper'));
    expect(statement?.type).toBe('expression_statement');
    const outermost = descendTo(root, source.indexOf('a)  #'), (type) => (type === 'block' ? 'keep-stop' : 'deeper'));
    expect(outermost?.startPosition.row).toBe(2);
    expect(descendTo(root, 0, () => 'deeper')).toBeNull();
  });
});
