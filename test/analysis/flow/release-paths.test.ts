import { leakOf, type ReleaseKind } from '../../../src/analysis/flow/release-paths.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';

/** A kind for files: `close()` releases, `closing(x)`/`os.close(x)` release, `json.load` borrows, `LOG.*` never raises. */
const FILES: ReleaseKind = {
  releaseMethods: new Set(['close']),
  boundUses: new Set(['write']),
  exceptionPaths: true,
  roleOf(call) {
    const fn = call.childForFieldName('function')!.text;
    if (fn === 'closing' || fn === 'os.close') return 'release';
    return fn === 'json.load' || fn === 'os.write' ? 'borrow' : 'keep';
  },
  mayRaise: (call) => !call.childForFieldName('function')!.text.startsWith('LOG.'),
};

/** The leak of the name assigned from `open(...)` (the first such assignment) in a function made of the lines. */
function leak(lines: string[], kind: ReleaseKind = FILES): string | null {
  const source = `def fn(path, cond, self):\n${lines.map((l) => `    ${l}\n`).join('')}`;
  const root = parsePython(source).rootNode;
  const assignment = root.descendantsOfType('assignment').find((a) => /^(open|os\.open)\(/.test(a.childForFieldName('right')?.text ?? ''))!;
  let target: SyntaxNode = assignment.childForFieldName('left')!;
  if (target.type === 'pattern_list') target = target.namedChildren[0]!;
  const found = leakOf(target, kind);
  if (!found) return null;
  // Lines counted within the function's body (the `def` is line 0).
  return 'at' in found ? `${found.kind}@${found.at.startPosition.row}` : found.kind;
}

describe('leakOf: how a resource is left open on some path out of its function', () => {
  it.each([
    ['never released', ['f = open(path)', 'data = f.read()', 'return data'], 'never'],
    ['only borrowed', ['f = open(path)', 'return json.load(f)'], 'never'],
    ['dropped by a reassignment', ['f = open(path)', 'f = None'], 'never'],
    ['an early return before the close', ['f = open(path)', 'if cond:', '    return None', 'f.close()'], 'return@3'],
    ['a close in one branch only', ['f = open(path)', 'if cond:', '    f.close()'], 'branch'],
    ['a close only in the try body', ['f = open(path)', 'try:', '    f.read()', '    f.close()', 'except ValueError:', '    pass'], 'branch'],
    ['a handler that returns without closing', ['f = open(path)', 'try:', '    f.read()', 'except IOError:', '    return None', 'f.close()'], 'return@5'],
    ['a call that may raise before the close', ['f = open(path)', 'data = f.read()', 'f.close()'], 'exception@2'],
    ['a raise before the close', ['f = open(path)', 'if cond:', '    raise ValueError(path)', 'f.close()'], 'exception@3'],
    ['an escape on one path, an early return on the other', ['f = open(path)', 'if cond:', '    return None', 'self.f = f'], 'return@3'],
    ['a loop that may end without the close', ['f = open(path)', 'for x in cond:', '    if x:', '        f.close()', '        break'], 'branch'],
    ['a descriptor closed after a write', ['fd, tmp = os.open(path)', 'os.write(fd, b"x")', 'os.close(fd)'], 'exception@2'],
    ['a flag set beside the open, then set false again', ['f = open(path)', 'close_f = True', 'if cond:', '    close_f = False', 'try:', '    f.read()', 'finally:', '    if close_f:', '        f.close()'], 'branch'],
    ['a flag set false in the loop around the open', ['for p in cond:', '    close_f = False', '    f = open(path)', '    close_f = True', 'if close_f:', '    f.close()'], 'branch'],
    ['a flag not set beside the open', ['f = open(path)', 'LOG.debug("opened")', 'close_f = True', 'if close_f:', '    f.close()'], 'branch'],
    ['a flag also set by a computed value', ['f = open(path)', 'close_f = True', 'close_f = cond', 'if close_f:', '    f.close()'], 'branch'],
    ['a flag that is also a loop variable', ['f = open(path)', 'close_f = True', 'for close_f in cond:', '    pass', 'if close_f:', '    f.close()'], 'branch'],
  ])('%s', (_why, lines, expected) => {
    expect(leak(lines)).toBe(expected);
  });

  it.each([
    ['closed in finally', ['f = open(path)', 'try:', '    return f.read()', 'finally:', '    f.close()']],
    ['closed in finally after an early return', ['f = open(path)', 'try:', '    if cond:', '        return None', '    f.read()', 'finally:', '    f.close()']],
    ['opened inside the try, closed in finally if set', ['f = None', 'try:', '    f = open(path)', '    f.read()', 'finally:', '    if f is not None:', '        f.close()']],
    ['closed in the handler and after it', ['f = open(path)', 'try:', '    f.read()', 'except Exception:', '    f.close()', '    raise', 'f.close()']],
    ['closed in every branch', ['f = open(path)', 'if cond:', '    f.close()', 'else:', '    f.close()']],
    ['a with statement', ['f = open(path)', 'with f:', '    return f.read()']],
    ['closing()', ['f = open(path)', 'with closing(f):', '    return f.read()']],
    ['returned', ['f = open(path)', 'return f']],
    ['stored', ['f = open(path)', 'LOG.debug("opened")', 'self.f = f']],
    ['handed over after a call that may raise: doubtful', ['f = open(path)', 'f.seek(10)', 'self.f = f']],
    ['closed at once', ['f = open(path)', 'f.close()']],
    ['only logging between', ['f = open(path)', 'LOG.debug("x %s", path)', 'f.close()']],
    ['an endless loop left by a break that closes', ['f = open(path)', 'while True:', '    if cond:', '        f.close()', '        break']],
    ['a branch that looks at the resource', ['f = open(path)', 'if not f.closed:', '    f.close()']],
    ['a continue goes back to the loop, whose else closes', ['f = open(path)', 'for x in cond:', '    if x:', '        continue', '    f.close()', '    break', 'else:', '    f.close()']],
    ['a call in the finally before the close: doubtful', ['f = open(path)', 'try:', '    f.read()', 'finally:', '    self.other.close()', '    f.close()']],
    ['a finally whose close sits in its own try', ['f = open(path)', 'try:', '    return f.read()', 'finally:', '    try:', '        f.close()', '    except OSError:', '        pass']],
    ['used in a nested function', ['f = open(path)', 'def read():', '    return f.read()', 'return read']],
    ['a global', ['global f', 'f = open(path)', 'f.read()']],
    ['reassigned on the path that skipped the close: doubtful', ['f = open(path)', 'if cond:', '    f.close()', 'f = None']],
    ['a bound release handed over', ['f = open(path)', 'self.addCleanup(f.close)', 'f.read()']],
    ['a descriptor handed to a call that owns it', ['fd, tmp = os.open(path)', 'with os.fdopen(fd) as f:', '    f.write(b"x")']],
    ['closed in finally under a flag set true after the open', ['if cond:', '    f = open(path)', '    close_f = True', 'else:', '    f = None', '    close_f = False', 'try:', '    f.read()', 'finally:', '    if close_f:', '        f.close()']],
    ['closed under a flag computed before the open, then set beside it', ['close_f = cond', 'f = open(path)', 'close_f = True', 'try:', '    f.read()', 'finally:', '    if close_f:', '        f.close()']],
    ['closed under a flag set to 1 before the open (a comment between)', ['opened = 0', 'opened = 1', '# the file is ours', 'f = open(path)', 'try:', '    f.read()', 'finally:', '    if opened:', '        f.close()']],
  ])('is not reported when %s', (_why, lines) => {
    expect(leak(lines)).toBeNull();
  });

  it('leaves exception paths out when the kind says so', () => {
    expect(leak(['f = open(path)', 'data = f.read()', 'f.close()'], { ...FILES, exceptionPaths: false })).toBeNull();
    expect(leak(['f = open(path)', 'if cond:', '    return None', 'f.close()'], { ...FILES, exceptionPaths: false })).toBe('return@3');
  });

  it('tries out finally clauses nested in finally clauses once each, not once per enclosing level', () => {
    const lines = ['f = open(path)'];
    for (let i = 0; i < 40; i++) lines.push(`${'    '.repeat(i)}try:`, `${'    '.repeat(i + 1)}f.read()`, `${'    '.repeat(i)}finally:`);
    lines.push(`${'    '.repeat(40)}f.close()`);
    const start = Date.now();
    expect(leak(lines)).toBeNull();
    // A generous bound: 2^40 walks would never finish.
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('stays linear with thousands of resources in one function', () => {
    const body = Array.from({ length: 2000 }, (_, i) => [`f${i} = open(path)`, 'try:', `    f${i}.read()`, 'finally:', `    f${i}.close()`]).flat();
    const source = `def fn(path):\n${body.map((l) => `    ${l}\n`).join('')}`;
    const root = parsePython(source).rootNode;
    const targets = root.descendantsOfType('assignment').map((a) => a.childForFieldName('left')!);
    const start = Date.now();
    expect(targets.filter((t) => leakOf(t, FILES) !== null)).toEqual([]);
    // Quadratic (each resource walking the whole function) took over 10 s for 3,000.
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('reads a flag once per scope and name: thousands of opens beside one flag, or beside as many flags, stay linear', () => {
    const oneFlag = Array.from({ length: 3000 }, () => ['f = open(path)', 'close_f = True']).flat();
    const manyFlags = Array.from({ length: 3000 }, (_, i) => [`f${i} = open(path)`, `close_${i} = True`]).flat();
    for (const body of [oneFlag, manyFlags]) {
      const source = `def fn(path):\n${[...body, 'if close_f:', '    f.close()'].map((l) => `    ${l}\n`).join('')}`;
      const root = parsePython(source).rootNode;
      const targets = root.descendantsOfType('assignment').filter((a) => a.childForFieldName('right')!.type === 'call').map((a) => a.childForFieldName('left')!);
      const start = Date.now();
      for (const target of targets) leakOf(target, FILES);
      // Each open reading the whole function for its flag took 12 s for the first (the scan's time budget).
      expect(Date.now() - start).toBeLessThan(3000);
    }
  });

  it('gives up on statements nested too deep instead of overflowing the stack', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `${'    '.repeat(i)}if cond:`);
    const lines = ['f = open(path)', ...deep, `${'    '.repeat(300)}f.close()`];
    expect(() => leak(lines)).not.toThrow();
  });
});
