import { bidiControlsIn, holdsBidiControl } from '../../../src/rules/predicates/holds-bidi-control.js';
import { firstNode } from '../../helpers/parse.js';

const test = (source: string, type: string) => {
  const { node, imports } = firstNode(source, type);
  return holdsBidiControl.test(node, true, { path: 'app.py', imports });
};

describe('holds-bidi-control', () => {
  it('names the controls in a comment, in order of first appearance, on the comment\'s line', () => {
    expect(test('x = 1\ny = 2  # admin\u2069 \u2066 only\u2069\n', 'comment')).toEqual({
      bidi: 'U+2069 (pop directional isolate), U+2066 (left-to-right isolate)',
      bidi_line: '2',
    });
  });

  it('gives the line of the first control inside a multi-line string', () => {
    const found = test('s = """first\nsecond\nthird \u202e here\n"""\n', 'string_content');
    expect(found).toMatchObject({ bidi: 'U+202E (right-to-left override)', bidi_line: '3' });
  });

  it('names at most three characters', () => {
    const { bidi } = test('s = "\u202a\u202b\u202c\u202d"\n', 'string_content') as { bidi: string };
    expect(bidi.split(', ')).toHaveLength(4);
    expect(bidi.endsWith('…')).toBe(true);
  });

  it.each([
    ['an escape', 's = "\\u202e"\n', 'string_content'],
    ['a right-to-left mark', 's = "abc\u200f"\n', 'string_content'],
    ['a left-to-right mark', '# \u200e mark\n', 'comment'],
    ['an Arabic letter mark', '# \u061c mark\n', 'comment'],
    ['right-to-left text', 's = "\u05e9\u05dc\u05d5\u05dd"\n', 'string_content'],
  ])('does not hold for %s', (_what, source, type) => {
    expect(test(source, type)).toBe(false);
  });

  it('finds each of the nine controls and nothing in plain text', () => {
    for (const c of '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069') expect(bidiControlsIn(`a${c}b`)?.names).toHaveLength(1);
    expect(bidiControlsIn('plain text')).toBeNull();
  });

  it('gates on the nine characters', () => {
    expect(holdsBidiControl.condition!(true)).toEqual({ kind: 'literals', literals: [...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'.toUpperCase()], token: false });
  });
});
