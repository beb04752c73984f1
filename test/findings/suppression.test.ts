import { parseSuppression, suppresses, unknownCodes } from '../../src/findings/suppression.js';

const DS101 = ['DS101', 'B602', 'S602'];

describe('parseSuppression', () => {
  it.each([
    ['# nosec', null],
    ['# nosec B602', ['B602']],
    ['# nosec B602,B603', ['B602', 'B603']],
    ['# nosec: B602, B603', ['B602', 'B603']],
    ['# nosec B602 B603', ['B602', 'B603']],
    ['# nosec B608 - the table name is a constant', ['B608']],
    ['# nosec DS103 # and a comment', ['DS103']],
    // Bandit ignores words that are no test id; with none left, the comment silences every test.
    ['# nosec no strings are user-sourced', null],
    ['# nosec - md5 for an etag only', null],
    ['# noqa: S602', ['S602']],
    ['# noqa: E501, S602', ['E501', 'S602']],
    ['# diffsec: ignore[DS101] the command is a constant list', ['DS101']],
    ['# diffsec: ignore[DS101,DS102]', ['DS101', 'DS102']],
    ['# diffsec: ignore', null],
  ])('reads %s', (comment, codes) => {
    expect(parseSuppression(comment)?.codes).toEqual(codes);
  });

  it('keeps the reason of a diffsec comment', () => {
    expect(parseSuppression('# diffsec: ignore[DS101] input is a fixed list')?.reason).toBe('input is a fixed list');
  });

  it.each(['# a plain comment', '# noqa', '# noqa: ', '# nosecurity review'])('does not treat %s as a suppression', (comment) => {
    expect(parseSuppression(comment)).toBeNull();
  });
});

describe('suppresses', () => {
  it('silences a rule by any of its codes, case-insensitively', () => {
    expect(suppresses(parseSuppression('# nosec b602')!, DS101)).toBe(true);
    expect(suppresses(parseSuppression('# noqa: S602')!, DS101)).toBe(true);
    expect(suppresses(parseSuppression('# diffsec: ignore[DS101]')!, DS101)).toBe(true);
  });

  it('leaves other rules alone', () => {
    expect(suppresses(parseSuppression('# nosec B603')!, DS101)).toBe(false);
    expect(suppresses(parseSuppression('# noqa: S603')!, DS101)).toBe(false);
    expect(suppresses(parseSuppression('# diffsec: ignore[DS102]')!, DS101)).toBe(false);
  });

  it('silences every rule when no code is named', () => {
    expect(suppresses(parseSuppression('# nosec')!, DS101)).toBe(true);
  });
});

describe('unknownCodes', () => {
  const known = new Set(['DS101', 'B602', 'S602']);
  it("checks every code of diffsec's own form, and only DS ids of Bandit's and Ruff's", () => {
    expect(unknownCodes(parseSuppression('# diffsec: ignore[DS999, B602, B101]')!, known)).toEqual(['DS999', 'B101']);
    expect(unknownCodes(parseSuppression('# nosec B101, DS998, DS101')!, known)).toEqual(['DS998']);
    expect(unknownCodes(parseSuppression('# noqa: E501, DS997')!, known)).toEqual(['DS997']);
    expect(unknownCodes(parseSuppression('# nosec')!, known)).toEqual([]);
  });
});
