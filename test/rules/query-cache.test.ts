import { compiledQuery } from '../../src/rules/query-cache.js';

describe('compiledQuery', () => {
  it('compiles a text once and gives the same query for it again', () => {
    const first = compiledQuery('(call function: (identifier) @f)');
    expect(compiledQuery('(call function: (identifier) @f)')).toBe(first);
    expect(compiledQuery('(call function: (attribute) @f)')).not.toBe(first);
  });

  it('throws tree-sitter’s error for a text that does not compile, and keeps nothing for it', () => {
    expect(() => compiledQuery('(no_such_node) @x')).toThrow(/NodeType/);
    expect(() => compiledQuery('(no_such_node) @x')).toThrow(/NodeType/);
  });
});
