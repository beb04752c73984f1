import { matchesAnyGlob } from '../../src/config/glob.js';

describe('matchesAnyGlob', () => {
  it.each([
    ['app.py', ['**/*.py'], true],
    ['pkg/sub/app.py', ['**/*.py'], true],
    ['pkg/app.pyc', ['**/*.py'], false],
    ['pkg/app.py', ['*.py'], true],
    ['migrations/0001.py', ['migrations/**'], true],
    ['app/migrations/0001.py', ['migrations/**'], false],
    ['app/migrations/0001.py', ['**/migrations/**'], true],
    ['src/a.py', ['src/*.py'], true],
    ['src/x/a.py', ['src/*.py'], false],
    ['a.pyi', ['**/*.py', '**/*.pyi'], true],
    ['.venv/lib/x.py', ['**/.venv/**'], true],
    ['x.py', ['?.py'], true],
    ['xy.py', ['?.py'], false],
  ])('%s against %j is %s', (path, globs, expected) => {
    expect(matchesAnyGlob(path, globs)).toBe(expected);
  });
});
