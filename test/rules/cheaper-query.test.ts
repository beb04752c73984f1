import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'tree-sitter';
import { parsePython, python } from '../../src/analysis/python-parser.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { cheaperQuery } from '../../src/rules/cheaper-query.js';
import { loadRules } from '../../src/rules/load-rules.js';

describe('cheaperQuery', () => {
  it('writes a parent step as `_` when its field holds only its type', () => {
    expect(cheaperQuery('(if_statement consequence: (block (return_statement) @r))')).toBe('(if_statement consequence: (_ (return_statement) @r))');
    expect(cheaperQuery('(class_definition superclasses: (argument_list (_) @b))')).toBe('(class_definition superclasses: (_ (_) @b))');
  });

  it('writes a parent step as `_` when a required child stands in a field only its type has', () => {
    const query = '(call function: [(attribute attribute: (identifier) @m) (identifier) @m] (#match? @m "^(a|b)$"))';
    expect(cheaperQuery(query)).toBe('(call function: [(_ attribute: (identifier) @m) (identifier) @m] (#match? @m "^(a|b)$"))');
    expect(cheaperQuery('(block (decorated_definition definition: (function_definition) @f))')).toBe('(block (_ definition: (function_definition) @f))');
    expect(cheaperQuery('(assignment left: (attribute object: (identifier) @o) @t)')).toBe('(assignment left: (_ object: (identifier) @o) @t)');
  });

  it('writes a parent step as `_` when a required child can be the child of its type only, among those its field holds', () => {
    expect(cheaperQuery('(call arguments: (argument_list (keyword_argument) @k))')).toBe('(call arguments: (_ (keyword_argument) @k))');
    expect(cheaperQuery('(subscript subscript: (string (string_content) @n))')).toBe('(subscript subscript: (_ (string_content) @n))');
    // A comment may stand anywhere (it is an extra): it says nothing of its parent.
    expect(cheaperQuery('(binary_operator right: (list (comment) @c))')).toBe('(binary_operator right: (list (comment) @c))');
  });

  it('writes a step as `(_ !field …)` when the other types it may match all have a field its type never has', () => {
    // `call arguments:` holds an argument_list or a generator_expression, which always has a body.
    expect(cheaperQuery('(call arguments: (argument_list . (comment)* . (string) @s))')).toBe('(call arguments: (_ !body . (comment)* . (string) @s))');
    expect(cheaperQuery('(binary_operator right: (dictionary (pair) @p))')).toBe('(binary_operator right: (_ !body (pair) @p))');
    // A list, a tuple and a set have no field at all.
    expect(cheaperQuery('(binary_operator right: (tuple (string) @s))')).toBe('(binary_operator right: (tuple (string) @s))');
  });

  it('narrows a step by its field and its children only, so that rewrites never rest on each other', () => {
    // The dictionary is one by its field and its pair child; the pair keeps its type (a `_` with
    // `value:` could be a subscript, and `(_ !body (_ value: …))` a tuple holding one).
    expect(cheaperQuery('(binary_operator right: (dictionary (pair value: (_) @v)))')).toBe('(binary_operator right: (_ !body (pair value: (_) @v)))');
    // An alias (`as_pattern_target`) is named but not described by the grammar: its children say
    // nothing of it, but where it may stand does (an as-pattern's alias, anywhere under a wildcard).
    expect(cheaperQuery('(except_clause (as_pattern alias: (as_pattern_target (identifier) @v)))')).toBe('(except_clause (as_pattern alias: (_ (identifier) @v)))');
    expect(cheaperQuery('(_ (decorated_definition definition: (function_definition) @d))')).toBe('(_ (decorated_definition definition: (function_definition) @d))');
    expect(cheaperQuery('(block (decorated_definition definition: (function_definition) @d))')).toBe('(block (_ definition: (function_definition) @d))');
  });

  it('gives the same matches on generator arguments, comprehensions and tuples of subscripts', () => {
    const tree = parsePython(
      [
        'f("a" for a in b)',
        'f("a", "b")',
        'f({k: v for k, v in x})',
        'f({"a": 1})',
        'x = "%s" % {k: v for k, v in y}',
        'x = "%s" % {"a": b}',
        'x = "%s:%s" % (info["a"], info["b"])',
        '@app.route("/")',
        'def g(): pass',
        'try:\n    pass\nexcept E as e:\n    pass',
      ].join('\n'),
    );
    const queries = [
      '(call arguments: (argument_list . (comment)* . (string) @s)) @c',
      '(call arguments: (argument_list (dictionary (pair) @p))) @c',
      '(binary_operator right: (dictionary (pair value: (_) @v))) @b',
      '(decorated_definition (decorator (call function: (_) @f))) @d',
      '(except_clause (as_pattern alias: (as_pattern_target (identifier) @v))) @e',
    ];
    const matches = (q: string) => new Parser.Query(python, q).matches(tree.rootNode).map((m) => m.captures.map((c) => `${c.name}=${c.node.type}@${c.node.startIndex}`).join(','));
    let found = 0;
    for (const query of queries) {
      expect(cheaperQuery(query)).not.toBe(query);
      expect(matches(cheaperQuery(query))).toEqual(matches(query));
      found += matches(query).length;
    }
    expect(found).toBeGreaterThanOrEqual(6);
  });

  it('keeps the type of a root, of a leaf, of an optional field child and of a field holding several types', () => {
    for (const query of [
      '(attribute attribute: (identifier) @a)',
      '((attribute attribute: (identifier) @a) @x (#eq? @a "x"))',
      '[(attribute attribute: (identifier) @a) (identifier) @a]',
      '(if_statement consequence: (block) @b)',
      '(call function: (attribute attribute: (identifier)? @a))',
      '(binary_operator right: (list (string) @s))',
      // A class has a name too.
      '(decorated_definition (function_definition name: (identifier) @n))',
      '(call arguments: (_ . (list . (string) @a)))',
    ]) {
      expect(cheaperQuery(query)).toBe(query);
    }
  });

  it('leaves strings, comments and predicates alone', () => {
    const query = '; (if_statement consequence: (block (x)))\n(binary_operator left: (identifier) @f right: (list (string) @s) (#match? @s "(block (x))"))';
    expect(cheaperQuery(query)).toBe(query);
  });

  it('gives the same matches as the query as written, for every bundled rule on its fixture', () => {
    const dir = bundledRulesDir();
    let compared = 0;
    for (const rule of loadRules(dir)) {
      const queries = [rule.query, ...(rule.flow ? [...rule.flow.sources, ...rule.flow.sanitizers, ...(rule.flow.steps ?? [])].map((m) => m.query) : [])];
      const family = readdirSync(dir).find((f) => readdirSync(join(dir, f)).includes(`${rule.id}-${rule.name}.py`))!;
      const tree = parsePython(readFileSync(join(dir, family, `${rule.id}-${rule.name}.py`), 'utf8'));
      for (const query of queries) {
        if (!query || cheaperQuery(query) === query) continue;
        const matches = (q: string) =>
          new Parser.Query(python, q).matches(tree.rootNode).map((m) => `${m.pattern}:${m.captures.map((c) => `${c.name}=${c.node.type}@${c.node.startIndex}-${c.node.endIndex}`).join(',')}`);
        const asWritten = matches(query);
        expect(matches(cheaperQuery(query))).toEqual(asWritten);
        compared += asWritten.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
