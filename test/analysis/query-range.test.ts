import Parser from 'tree-sitter';
import { parsePython, python } from '../../src/analysis/python-parser.js';
import { matchesCrossing, matchesInStart } from '../../src/analysis/query-range.js';
import type { SyntaxNode } from '../../src/analysis/syntax.js';

const source = [
  'import os',
  'x = f(a, g(b))',
  'if é == "ü":',
  '    os.system(h(c) + "%s" % d)',
  'def k(m):',
  '    return [n(p) for p in m]',
  '',
].join('\n');
const tree = parsePython(source);
const calls = new Parser.Query(python, '(call function: (_) @callee) @call');

const key = (match: Parser.QueryMatch) => match.captures.map((c) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}`).join(' ');
const crossing = (node: SyntaxNode, from: number, to: number) => node.startIndex < to && from < node.endIndex;

describe('matchesCrossing', () => {
  it('finds the matches whose root crosses the range, in characters past non-ASCII text', () => {
    const at = source.indexOf('h(c)');
    const found = matchesCrossing(calls, tree.rootNode, at, at + 1, 0).map((m) => m.captures.find((c) => c.name === 'call')!.node.text);
    expect(found).toEqual(['os.system(h(c) + "%s" % d)', 'h(c)']);
  });

  it('gives, for every range, exactly the matches of a whole run whose root crosses it', () => {
    const all = calls.matches(tree.rootNode);
    for (let from = 0; from < source.length; from += 3) {
      for (const length of [1, 5, 17]) {
        const to = Math.min(source.length, from + length);
        const expected = all.filter((m) => crossing(m.captures.find((c) => c.name === 'call')!.node, from, to)).map(key);
        expect(matchesCrossing(calls, tree.rootNode, from, to, 0).map(key)).toEqual(expected);
      }
    }
  });

  it('runs inside the node it is given only', () => {
    const statement = tree.rootNode.namedChildren[1]!;
    const at = source.indexOf('g(b)');
    expect(matchesCrossing(calls, statement, 0, source.length, 0).map(key)).toEqual(calls.matches(statement).map(key));
    expect(matchesCrossing(calls, statement, at, at + 1, 0).map((m) => m.captures.find((c) => c.name === 'call')!.node.text)).toEqual(['f(a, g(b))', 'g(b)']);
  });
});

describe('matchesInStart', () => {
  const keys = (matches: Parser.QueryMatch[]) => matches.map(key).sort();

  it('finds, from spans in groups, the matches crossing any group, each once', () => {
    const statement = tree.rootNode.namedChildren[2]!; // the `if` statement
    const at = (text: string) => source.indexOf(text);
    const groups = [{ from: at('é'), to: at('é') }, { from: at('h(c)'), to: at('h(c)') }, { from: at('d)'), to: at('d)') }];
    const got = matchesInStart(calls, statement, { from: groups[0]!.from, to: groups[2]!.to, spans: groups }, null);
    const expected = new Map<string, Parser.QueryMatch>();
    for (const g of groups) for (const m of matchesCrossing(calls, statement, g.from, g.to + 1, 0)) expected.set(key(m), m);
    expect(keys(got)).toEqual([...expected.keys()].sort());
    // `os.system(...)` crosses two groups: found from both, kept once.
    expect(got.filter((m) => m.captures.some((c) => c.node.text.startsWith('os.system(')))).toHaveLength(1);
  });

  it('runs a group from the node it names', () => {
    const fn = tree.rootNode.namedChildren[3]!; // `def k(m)`
    const at = source.indexOf('n(p)');
    const whole = { from: 0, to: source.length - 1, spans: [{ from: at, to: at, node: fn }, { from: 0, to: 0 }] };
    const found = matchesInStart(calls, tree.rootNode, whole, null).map((m) => m.captures.find((c) => c.name === 'call')!.node.text);
    expect(found).toEqual(['n(p)']);
  });

  it('without groups, is matchesCrossing over the span', () => {
    const at = source.indexOf('h(c)');
    expect(keys(matchesInStart(calls, tree.rootNode, { from: at, to: at }, null))).toEqual(keys(matchesCrossing(calls, tree.rootNode, at, at + 1, 0)));
  });
});
