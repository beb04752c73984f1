import { howLeftOpen, notClosedOnEveryPath } from '../../../src/rules/predicates/not-closed-on-every-path.js';
import { firstNode } from '../../helpers/parse.js';

/** How the name assigned from `open(...)` in the snippet is left open, or null. */
const how = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const assignment = module.descendantsOfType('assignment').find((a) => a.childForFieldName('right')?.text.startsWith('open('))!;
  return howLeftOpen(assignment.childForFieldName('left')!, imports);
};
// The function is named `f` like the file: its name must not count as a use of the variable.
const fn = (...lines: string[]) => `def f(path, stack, self):\n${lines.map((l) => `    ${l}\n`).join('')}`;

describe('not-closed-on-every-path', () => {
  it.each([
    [fn('f = open(path)', 'data = f.read()'), 'is never closed'],
    [fn('f = open(path)', 'return json.load(f)'), 'is never closed'],
    [fn('f = open(path)', 'for line in f:', '    print(line, file=f)'), 'is never closed'],
    [fn('f = open(path)', 'if not f:', '    return None', 'return f.name'), 'is never closed'],
    [fn('f = open(path)', 'data = f.read()', 'f.close()'), 'is closed only on the success path (line 3 can raise first)'],
    [fn('f = open(path)', 'if stack:', '    return None', 'f.close()'), 'is not closed before the return on line 4'],
    [fn('f = open(path)', 'if stack:', '    f.close()'), 'is not closed on every path'],
    ['f = open("x")\ndata = f.read()\n', 'is never closed'],
  ])('%j: the file %s', (source, expected) => {
    expect(how(source)).toBe(expected);
  });

  it.each([
    ['with f', fn('f = open(path)', 'with f:', '    return f.read()')],
    ['with closing(f)', `import contextlib\n${fn('f = open(path)', 'with contextlib.closing(f):', '    return f.read()')}`],
    ['close in finally', fn('f = open(path)', 'try:', '    return f.read()', 'finally:', '    f.close()')],
    ['close in except and after', fn('f = open(path)', 'try:', '    f.read()', 'except Exception:', '    f.close()', '    raise', 'f.close()')],
    ['returned', fn('f = open(path)', 'return f')],
    ['returned in a tuple', fn('f = open(path)', 'return f, path')],
    ['yielded', fn('f = open(path)', 'yield f')],
    ['stored on an attribute', fn('f = open(path)', 'self.f = f')],
    ['stored in a container', fn('f = open(path)', 'self.files.append(f)')],
    ['passed to a call that may keep it', fn('f = open(path)', 'stack.enter_context(f)')],
    ['a bound write method handed over', fn('f = open(path)', 'self.set_writer(f.write)')],
    ['close registered', fn('f = open(path)', 'self.addCleanup(f.close)')],
    ['closed at once', fn('f = open(path)', 'f.close()')],
    ['only logging and a list append between', fn('f = open(path)', 'LOG.debug("opened %s", path)', 'self.names.append(f.name)', 'f.close()')],
    ['used by a nested function', fn('f = open(path)', 'def reader():', '    return f.read()', 'return reader')],
  ])('is fine when %s', (_why, source) => {
    expect(how(source)).toBeNull();
  });

  it('takes what releases the resource from the rule', () => {
    const { node: module, imports } = firstNode(`import os\n${fn('fd = os.open(path)', 'os.write(fd, b"x")', 'if stack:', '    return None', 'os.close(fd)')}`, 'module');
    const name = module.descendantsOfType('assignment')[0]!.childForFieldName('left')!;
    const arg = { 'release-methods': [], 'release-calls': ['os.close'], borrowers: ['os.write'], released: 'closed' };
    expect(notClosedOnEveryPath.checkArg(arg)).toBeNull();
    expect(notClosedOnEveryPath.test(name, arg, { path: 'app.py', imports })).toEqual({ how: 'is not closed before the return on line 6' });
    // Without `os.write` as a borrower, passing the descriptor to it may hand it over: nothing is reported.
    expect(notClosedOnEveryPath.test(name, { 'release-calls': ['os.close'] }, { path: 'app.py', imports })).toBe(false);
  });

  it.each([[{ borrowers: 'os.write' }], [{ 'exception-paths': 'yes' }], [{ unknown: [] }], [[]], ['yes']])('rejects the argument %j', (arg) => {
    expect(notClosedOnEveryPath.checkArg(arg)).not.toBeNull();
  });

  it('binds {how} for the message', () => {
    const { node: module, imports } = firstNode(fn('f = open(path)', 'data = f.read()'), 'module');
    const name = module.descendantsOfType('assignment')[0]!.childForFieldName('left')!;
    expect(notClosedOnEveryPath.test(name, true, { path: 'app.py', imports })).toEqual({ how: 'is never closed' });
  });

  it('walks deep nesting without recursion', () => {
    const deep = `def f(path):\n    f = open(path)\n    x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n    f.close()\n`;
    expect(() => how(deep)).not.toThrow();
  });
});
