import { compileGlobs, GlobError, MAX_EXPANSIONS, MAX_GLOB_LENGTH } from '../../src/config/glob.js';

const matches = (path: string, globs: string[]) => compileGlobs(globs).matches(path);

describe('compileGlobs: meanings', () => {
  it.each([
    // `**`, `*` and `?`, as before
    ['app.py', ['**/*.py'], true],
    ['pkg/sub/app.py', ['**/*.py'], true],
    ['pkg/app.pyc', ['**/*.py'], false],
    ['migrations/0001.py', ['migrations/**'], true],
    ['app/migrations/0001.py', ['migrations/**'], false],
    ['app/migrations/0001.py', ['**/migrations/**'], true],
    ['src/a.py', ['src/*.py'], true],
    ['src/x/a.py', ['src/*.py'], false],
    ['a.pyi', ['**/*.py', '**/*.pyi'], true],
    ['.venv/lib/x.py', ['**/.venv/**'], true],
    ['x.py', ['?.py'], true],
    ['xy.py', ['?.py'], false],
    ['a/b/c/d.py', ['a/**/d.py'], true],
    ['a/d.py', ['a/**/d.py'], true],
    // no `/`: the base name at any depth, as .gitignore
    ['pkg/app.py', ['*.py'], true],
    ['a/b/conftest.py', ['conftest.py'], true],
    // a pattern matching a folder matches everything in it
    ['tests/unit/test_a.py', ['tests'], true],
    ['pkg/tests/test_a.py', ['tests'], true],
    ['src/tests/test_a.py', ['src/tests'], true],
    ['pkg/src/tests/test_a.py', ['src/tests'], false],
    ['src/gen/x/y.py', ['src/*'], true],
    // a trailing `/`: folders only; with no other `/` at any depth
    ['tests/test_a.py', ['tests/'], true],
    ['pkg/tests/test_a.py', ['tests/'], true],
    ['tests', ['tests/'], false],
    ['pkg/tests/test_a.py', ['/tests/'], false],
    ['tests/test_a.py', ['/tests/'], true],
    ['tests/test_a.py', ['./tests/'], true],
    ['a/b/c.py', ['a/b/'], true],
    ['x/a/b/c.py', ['a/b/'], false],
    // braces, classes, extglobs, escapes: they used to match nothing
    ['lib/x/y.py', ['{src,lib}/**/*.py'], true],
    ['docs/x.py', ['{src,lib}/**/*.py'], false],
    ['pkg/a.pyi', ['*.{py,pyi}'], true],
    ['pkg/tests/a.py', ['{tests,docs}/'], true],
    ['test_3.py', ['test_{1..4}.py'], true],
    ['b1.py', ['[a-c]*.py'], true],
    ['d1.py', ['[a-c]*.py'], false],
    ['a1.py', ['[!a]*.py'], false],
    ['é1.py', ['[[:alpha:]]?.py'], true],
    ['abab.py', ['+(a|b).py'], true],
    ['y.py', ['!(x).py'], false], // a leading `!` negates the list entry: see below
    ['pkg/y.py', ['**/!(x).py'], true],
    ['pkg/x.py', ['**/!(x).py'], false],
    ['*.py', ['\\*.py'], true],
    ['a.py', ['\\*.py'], false],
    ['{a}.py', ['\\{a\\}.py'], true],
    // dot files and folders are files like any others
    ['.github/x.py', ['**/*.py'], true],
    ['pkg/.hidden.py', ['*.py'], true],
    // absolute paths (scan outside the working folder)
    ['/tmp/x/a.py', ['**/*.py'], true],
    ['/tmp/x/a.py', ['*.py'], true],
  ])('%s against %j is %s', (path, globs, expected) => {
    expect(matches(path, globs)).toBe(expected);
  });

  it('lets the last matching pattern decide, a leading `!` taking a match back', () => {
    const exclude = compileGlobs(['tests/', '!tests/security/', 'tests/security/fixtures/']);
    expect(exclude.matches('tests/unit/a.py')).toBe(true);
    expect(exclude.matches('tests/security/a.py')).toBe(false);
    expect(exclude.matches('tests/security/fixtures/a.py')).toBe(true);
    expect(exclude.matches('src/a.py')).toBe(false);
    const include = compileGlobs(['**/*.py', '!**/test_*.py']);
    expect(include.matches('pkg/app.py')).toBe(true);
    expect(include.matches('pkg/test_app.py')).toBe(false);
  });

  it('says when a whole folder matches, and never when a negation could take something back', () => {
    const plain = compileGlobs(['tests/', 'build/**', 'src/*.py']);
    expect(plain.matchesAllInside('tests')).toBe(true);
    expect(plain.matchesAllInside('pkg/tests')).toBe(true);
    expect(plain.matchesAllInside('pkg/tests/unit')).toBe(true);
    expect(plain.matchesAllInside('build')).toBe(true);
    expect(plain.matchesAllInside('src')).toBe(false);
    expect(plain.matchesAllInside('pkg')).toBe(false);
    expect(compileGlobs(['tests/', '!tests/keep.py']).matchesAllInside('tests')).toBe(false);
  });
});

describe('compileGlobs: refusals name the pattern', () => {
  const refusal = (pattern: string) => {
    try {
      compileGlobs(['**/*.py', pattern]);
    } catch (error) {
      expect(error).toBeInstanceOf(GlobError);
      return (error as Error).message;
    }
    return null;
  };

  it.each([
    ['/', "'/' cannot match any path: it is empty once a leading `./` or `/` and a trailing `/` are taken off"],
    ['./', "'./' cannot match any path: it is empty once a leading `./` or `/` and a trailing `/` are taken off"],
    ['!', "'!' cannot match any path: it is empty once a leading `./` or `/` and a trailing `/` are taken off"],
    ['src/../x.py', "'src/../x.py' cannot match any path: paths are compared from the root without `.` or `..` folders"],
    ['a/./b', "'a/./b' cannot match any path: paths are compared from the root without `.` or `..` folders"],
    ['{a,..}/x', "'{a,..}/x' cannot match any path: paths are compared from the root without `.` or `..` folders"],
    ['a\0b', "'a\0b' cannot match any path: it holds a NUL character"],
    ['src/[abc/*.py', "'src/[abc/*.py' cannot match any path: '[' in '[abc' is never closed by ']' (write \\[ for a literal bracket)"],
    ['[!]', "'[!]' cannot match any path: '[' in '[!]' is never closed by ']' (write \\[ for a literal bracket)"],
    ['[z-a].py', "'[z-a].py' cannot match any path: the range z-a in '[z-a].py' is reversed, so its class matches nothing"],
    ['[[:nope:]]', "'[[:nope:]]' cannot match any path: [:nope:] in '[[:nope:]]' is not a character class (known: alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, word, xdigit)"],
    ['+(a|b', "'+(a|b' cannot match any path: '(' of an extglob in '+(a|b' is never closed"],
    ['{x,[y}', "'{x,[y}' cannot match any path: '[' in '[y' is never closed by ']' (write \\[ for a literal bracket)"],
    ['{a,b}'.repeat(7), `'${'{a,b}'.repeat(7)}' expands to more than ${MAX_EXPANSIONS} patterns through its braces`],
    ['x{1..1000}', `'x{1..1000}' expands to more than ${MAX_EXPANSIONS} patterns through its braces`],
    ['a'.repeat(MAX_GLOB_LENGTH + 1), `'${'a'.repeat(40)}…' is ${MAX_GLOB_LENGTH + 1} characters long; a pattern takes at most ${MAX_GLOB_LENGTH}`],
  ])('%j is refused', (pattern, message) => {
    expect(refusal(pattern)).toBe(message);
  });

  it.each(['[]]x', '[!]]', '\\[literal', 'a]', '[a-z].py', '[[:digit:]]*', '@(a|b)', '[-a]', '[a-]', 'x\\(y'])('accepts the well-formed %j', (pattern) => {
    expect(refusal(pattern)).toBeNull();
  });

  it('matches a escaped bracket literally', () => {
    expect(matches('[literal', ['\\[literal'])).toBe(true);
    expect(matches('1x.py', ['[[:digit:]]*'])).toBe(true);
  });

  it('accepts the longest pattern and the most expansions allowed', () => {
    expect(refusal('a'.repeat(MAX_GLOB_LENGTH))).toBeNull();
    expect(refusal('{a,b}'.repeat(6))).toBeNull(); // 64 patterns
    expect(matches('abababab/x.py', ['{a,b}'.repeat(6)])).toBe(false);
    expect(matches('ababab', ['{a,b}'.repeat(6)])).toBe(true);
  });
});

describe('compileGlobs: hostile patterns finish quickly', () => {
  const deep = (depth: number, name = 'a') => `${Array.from({ length: depth }, () => name).join('/')}/x.txt`;
  // Each of these took seconds to minutes with a RegExp compiler (picomatch 4.0.7: `*a`×20+`*b`
  // against 40 characters took 165 s). The bound is generous for a loaded 2-core machine; each
  // takes milliseconds.
  it.each([
    ['`**/` twelve times, 60 folders deep', '**/'.repeat(12) + '*.py', deep(60)],
    ['`**/` 160 times, 2,000 folders deep', '**/'.repeat(160) + '*.py', deep(2000)],
    ['`**/a/` repeated, a path of `a` folders', '**/a/'.repeat(12) + 'b', deep(2000)],
    ['`**/a/` repeated, then `/**`', '**/a/'.repeat(12) + 'b/**', deep(2000)],
    ['`*a` twenty times then `*b`, a 40-character name', '*a'.repeat(20) + '*b', 'a'.repeat(40)],
    ['`*a` 240 times then `*b`, a 4,000-character name', '*a'.repeat(240) + '*b', 'a'.repeat(4000)],
    ['`*a`×100 in a folder name, 100 long folders', `**/${'*a'.repeat(100)}*b/**`, deep(100, 'a'.repeat(255))],
    ['`?*` 200 times then `b`', '?*'.repeat(200) + 'b', 'a'.repeat(4000)],
    ['classes and stars', '[a-z]*'.repeat(60) + '0', 'a'.repeat(4000)],
    ['overlapping braces `{a,aa}`×6', '{a,aa}'.repeat(6) + 'b', 'a'.repeat(4000)],
    ['nested braces', '{a,{b,{c,{d,{e,{f,{g,{h}}}}}}}}'.repeat(2) + '*x', 'a'.repeat(4000)],
    ['`+(a|aa)*b`', '+(a|aa)*b', 'a'.repeat(4000)],
    ['nested extglobs', '*(*(a|aa)|+(a|aa))'.repeat(8) + 'b', 'a'.repeat(4000)],
    ['negative extglobs', '!(a|aa)'.repeat(4).replace(/^!/, '@(!') + ')b', 'a'.repeat(400)],
  ])('%s', (_name, pattern, path) => {
    const started = performance.now();
    const list = compileGlobs([pattern]);
    expect(list.matches(path)).toBe(false);
    expect(list.matchesAllInside(path)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses `{a,b}` twenty times (a million expansions) quickly', () => {
    const started = performance.now();
    expect(() => compileGlobs(['{a,b}'.repeat(20)])).toThrow(GlobError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
