import { requiredLiterals } from '../../src/rules/regex-literals.js';

describe('requiredLiterals', () => {
  it.each([
    ['://[^/@ ]*:[^/@ ]*@', ['://']],
    ['^http://(?!(?:localhost|127))', ['http://']],
    [String.raw`^[rRuU]*("{1,3}|'{1,3})/(tmp|var/tmp|dev/shm)/[^"']`, ['/tmp/', '/var/tmp/', '/dev/shm/']],
    ['^(bind|listen|[A-Za-z]*Server)$', ['bind', 'listen', 'Server']],
    ['^(host|bind)(_?(host|addr))?$', ['host', 'bind']],
    [String.raw`0\.0\.0\.0`, ['0.0.0.0']],
    [String.raw`\x41B\u0043`, ['ABC']],
    ['abc?d', ['ab']],
    ['(?:secret|token)s?_key', ['secret', 'token']],
    ['(?<=x)password', ['password']],
  ])('%s needs one of %j', (regex, literals) => {
    expect(requiredLiterals(regex)?.sort()).toEqual([...literals].sort());
  });

  it.each([
    [String.raw`^(0\.0\.0\.0|::|)$`, 'an empty alternative'],
    ['[a-z]+', 'only a class'],
    ['a*', 'an optional character'],
    ['(abc', 'a syntax error'],
    ['.', 'any character'],
  ])('gives null for %s (%s)', (regex) => {
    expect(requiredLiterals(regex)).toBeNull();
  });

  it('is sound: every string the regex matches holds one of the literals', () => {
    const cases: [string, string[]][] = [
      ['^(bind|listen|[A-Za-z]*Server)$', ['bind', 'listen', 'HTTPServer', 'Server']],
      ['a(b|cd)+e', ['abe', 'acdcde', 'abcde']],
      ['x(y{2,}|z)', ['xyy', 'xyyyy', 'xz']],
    ];
    for (const [regex, samples] of cases) {
      const literals = requiredLiterals(regex)!;
      for (const sample of samples) {
        expect(new RegExp(regex).test(sample)).toBe(true);
        expect(literals.some((l) => sample.includes(l))).toBe(true);
      }
    }
  });
});
