import { nameLiterals, requiredLiterals } from '../../src/rules/regex-literals.js';

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

  it('reads a regex once: rules repeat one across patterns and flow lists', () => {
    const regex = '^(?:[a-z]+_)*(token|secret)$';
    expect(requiredLiterals(regex)).toEqual(['token', 'secret']);
    expect(requiredLiterals(regex)).toBe(requiredLiterals(regex));
    expect(requiredLiterals('(unbalanced')).toBeNull();
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

describe('nameLiterals', () => {
  it.each([
    ['^(run|serve|[A-Za-z]*Server)$', { literals: ['run', 'serve', 'Server'], edges: ['both', 'both', 'end'] }],
    ['^(?:app|api)$', { literals: ['app', 'api'], edges: ['both', 'both'] }],
    ['^(host|bind)(_?(host|addr))?$', { literals: ['host', 'bind'], edges: ['start', 'start'] }],
    ['^(a|[xy]+Server)_z', { literals: ['a', 'Server'], edges: ['start', 'none'] }],
  ])('%s: %j', (regex, expected) => {
    expect(nameLiterals(regex)).toEqual(expected);
  });

  it.each([
    ['(^|_)(mask|redact)', 'not anchored at the start'],
    ['^(a|b)?c$', 'an optional group'],
    ['^(a|b)c|d$', 'another top-level alternative'],
    ['^(a.b|c)$', 'a branch that is not a word'],
    ['^([mM][dD]5|sha1)$', 'two classes'],
  ])('gives null for %s (%s)', (regex) => {
    expect(nameLiterals(regex)).toBeNull();
  });

  it('is sound: a name the regex matches holds each word at its edge', () => {
    const regex = '^(run|bind|[A-Za-z]*Server)(_x)?$';
    const { literals, edges } = nameLiterals(regex)!;
    for (const name of ['run', 'bind_x', 'WSGIServer', 'Server_x']) {
      expect(new RegExp(regex).test(name)).toBe(true);
      expect(literals.some((l, i) => (edges[i] === 'start' ? name.startsWith(l) : edges[i] === 'none' ? name.includes(l) : false))).toBe(true);
    }
  });
});
