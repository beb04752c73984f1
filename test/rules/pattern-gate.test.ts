import { gatesOf, parseQuery } from '../../src/rules/pattern-gate.js';
import { makeRule } from '../helpers/make-rule.js';

const gate = (query: string, where: Record<string, unknown> = {}) => gatesOf(makeRule({ query, where, message: 'm' }));

describe('parseQuery', () => {
  it('splits a query into its top-level patterns, with the predicates inside each', () => {
    const patterns = parseQuery('(call function: (identifier) @f (#eq? @f "eval")) @finding\n; a comment (x)\n((string) @finding (#match? @finding "x"))');
    expect(patterns.map((p) => p.type)).toEqual(['call', null]);
    expect(patterns[0]!.predicates).toEqual([{ operator: 'eq?', capture: 'f', strings: ['eval'] }]);
    expect(patterns[1]!.predicates).toEqual([{ operator: 'match?', capture: 'finding', strings: ['x'] }]);
  });
});

describe('gatesOf', () => {
  it('takes resolves-to names, #eq?/#any-of? strings and #match? literals on captures every match has', () => {
    const [g] = gate('((call function: (attribute attribute: (identifier) @m) @callee arguments: (argument_list (string) @s)) @finding (#any-of? @m "get" "post") (#match? @s "^http://"))', {
      callee: { 'resolves-to': ['requests.get'] },
    })!;
    expect(g!.anchor).toEqual({ kind: 'below-statements' });
    expect(g!.conditions).toEqual([
      { kind: 'names', names: ['requests.get'] },
      { kind: 'literals', literals: ['get', 'post'], token: true },
      { kind: 'literals', literals: ['http://'], token: false },
    ]);
  });

  it('ignores negated predicates and captures under ? or * or in one alternation branch only', () => {
    const gates = gate('((call function: [(identifier) @a (attribute) @b] arguments: (argument_list (identifier)? @opt)) @finding (#eq? @a "x") (#eq? @opt "y"))', {
      finding: { not: { 'resolves-to': ['os.system'] } },
      b: { 'resolves-to': ['os.system'] },
    });
    expect(gates).toBeNull();
  });

  it('reads keywords from node types and literals from anonymous nodes', () => {
    expect(gate('(raise_statement (call) @finding)')![0]!.conditions).toEqual([{ kind: 'literals', literals: ['raise'], token: true }]);
    // Whole words first: the one pass over the file finds them all.
    expect(gate('(comparison_operator (identifier) operators: ["==" "!="] (true)) @finding')![0]!.conditions).toEqual([
      { kind: 'literals', literals: ['True'], token: true },
      { kind: 'literals', literals: ['==', '!='], token: false },
    ]);
    expect(gate('(binary_operator operator: "%") @finding')![0]!.conditions).toEqual([{ kind: 'literals', literals: ['%'], token: false }]);
  });

  it('treats a capture as a whole name only when it is always on an identifier', () => {
    const [g] = gate('((call function: [(identifier) @m (attribute attribute: (identifier) @m)] arguments: (argument_list (string (string_content) @s))) @finding (#eq? @m "run") (#eq? @s "DEBUG"))')!;
    expect(g!.conditions).toEqual([
      { kind: 'literals', literals: ['run'], token: true },
      { kind: 'literals', literals: ['DEBUG'], token: false },
    ]);
  });

  it('reads where in a name a #match? regex anchored at its edges puts its words, on identifiers only', () => {
    const query = (regex: string) => `((call function: (identifier) @m arguments: (argument_list (string) @s)) @finding (#match? @m "${regex}") (#match? @s "${regex}"))`;
    const [whole] = gate(query('^(run|[A-Za-z]*Server)$'))!;
    expect(whole!.conditions).toEqual([
      { kind: 'literals', literals: ['run', 'Server'], token: false, edges: ['both', 'end'] },
      { kind: 'literals', literals: ['run', 'Server'], token: false },
    ]);
    const [start] = gate(query('^(host|bind)(_?addr)?$'))!;
    expect(start!.conditions[0]).toEqual({ kind: 'literals', literals: ['host', 'bind'], token: false, edges: ['start', 'start'] });
  });

  it('anchors patterns rooted at statement-holding nodes at the outermost such node, groupings at their node', () => {
    expect(gate('(except_clause (block (pass_statement))) @finding')![0]!.anchor).toEqual({ kind: 'outermost', type: 'except_clause' });
    expect(gate('(module (expression_statement (assignment left: (identifier) @n)) @finding (#eq? @n "DEBUG"))')![0]!.anchor).toEqual({ kind: 'outermost', type: 'module' });
    expect(gate('((string) @finding (#match? @finding "://"))')![0]!.anchor).toEqual({ kind: 'below-statements' });
  });

  it('does not take a capture nested under an optional node as one every match has', () => {
    expect(gate('((call arguments: (argument_list (string (string_content) @s))?) @finding (#eq? @s "x"))')).toBeNull();
    const [g] = gate('((call function: [(identifier) @f (attribute attribute: (identifier) @f)] arguments: (_ (string) @s)) @finding (#eq? @f "y") (#match? @s "zz"))')!;
    expect(g!.conditions).toEqual([
      { kind: 'literals', literals: ['y'], token: true },
      { kind: 'literals', literals: ['zz'], token: false },
    ]);
  });

  it('computes the gates of one query and `where:` once (rules borrowing a flow list ask again)', () => {
    const query = '((call function: (identifier) @f) @finding (#eq? @f "eval"))';
    expect(gate(query)).toBe(gate(query));
    const named = gate(query, { f: { 'resolves-to': ['builtins.eval'] } })!;
    expect(named).not.toBe(gate(query));
    expect(named[0]!.conditions).toContainEqual({ kind: 'names', names: ['builtins.eval'] });
  });

  it('gives up on a rule when one of its patterns may match anywhere', () => {
    expect(gate('(call) @finding')).toBeNull();
    expect(gate('((_ (identifier) @n) @finding (#eq? @n "x"))')).toBeNull();
    expect(gate('[(call) (string)] @finding')).toBeNull();
    expect(gate('(assert_statement) @finding\n(call) @finding')).toBeNull();
  });
});
