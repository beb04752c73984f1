import Parser from 'tree-sitter';
import { parsePython, python } from '../../src/analysis/python-parser.js';
import { matchesCrossing } from '../../src/analysis/query-range.js';
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
