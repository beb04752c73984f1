import { parsePython } from '../../src/analysis/python-parser.js';
import { StatementLines } from '../../src/analysis/statement-lines.js';
import type { SyntaxNode } from '../../src/analysis/syntax.js';

/** The statement lines of the first node whose text is `text`. */
function linesOf(source: string, text: string): { first: number; last: number } {
  const root = parsePython(source).rootNode;
  let found: SyntaxNode | null = null;
  const visit = (node: SyntaxNode) => {
    if (!found && node.text === text && node.childCount === 0) found = node;
    for (const child of node.children) visit(child);
  };
  visit(root);
  return new StatementLines(root).of(found!);
}

describe('StatementLines', () => {
  const source = [
    'x = call(',      // 1
    '    a,',         // 2
    ')',              // 3
    'if (cond and',   // 4
    '        other):',// 5
    '    y = 1',      // 6
    'else:',          // 7
    '    z = 2',      // 8
    '@decorator(q)',  // 9
    'def f(p,',       // 10
    '      r):',      // 11
    '    return w',   // 12
  ].join('\n');

  it('gives a simple statement its whole span', () => {
    expect(linesOf(source, 'a')).toEqual({ first: 1, last: 3 });
    expect(linesOf(source, 'w')).toEqual({ first: 12, last: 12 });
    expect(linesOf(source, 'q')).toEqual({ first: 9, last: 9 });
  });

  it('gives a compound statement its header up to the colon, never its body', () => {
    expect(linesOf(source, 'other')).toEqual({ first: 4, last: 5 });
    expect(linesOf(source, 'y')).toEqual({ first: 6, last: 6 });
    expect(linesOf(source, 'z')).toEqual({ first: 8, last: 8 });
    expect(linesOf(source, 'r')).toEqual({ first: 10, last: 11 });
  });

  it('copes with a header that has no colon (a syntax error) by listing every statement', () => {
    expect(linesOf('print(1)\nif x\n    y = 2\n', 'y')).toEqual({ first: 3, last: 3 });
    expect(linesOf('[\n a for a in b\n]\n', 'b')).toEqual({ first: 1, last: 3 });
  });
});
