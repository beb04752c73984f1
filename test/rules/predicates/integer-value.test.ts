import { integerValue, integerValuePredicate } from '../../../src/rules/predicates/integer-value.js';
import { assignedValue } from '../../helpers/parse.js';

const evaluate = (source: string) => {
  const { node, imports } = assignedValue(source);
  return integerValue(node, imports);
};
const passes = (source: string, arg: unknown) => {
  const { node, imports } = assignedValue(source);
  return integerValuePredicate.test(node, arg, { path: 'app.py', imports });
};

describe('integer-value', () => {
  it.each([
    ['x = 511', 511],
    ['x = 0o777', 0o777],
    ['x = 0O640', 0o640],
    ['x = 0x1ff', 0o777],
    ['x = 0b110', 6],
    ['x = 1_024', 1024],
    ['x = 0777', 0o777],
    ['x = (0o600)', 0o600],
    ['x = -3', -3],
    ['x = 0o777 & ~0o022', 0o755],
    ['x = 1 << 10', 1024],
  ])('evaluates %s', (source, value) => {
    expect(evaluate(`${source}\n`)).toBe(value);
  });

  it('reads stat bits through the imports', () => {
    expect(evaluate('import stat\nx = stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH\n')).toBe(0o602);
    expect(evaluate('from stat import S_IRWXG as G, S_IRWXU\nx = S_IRWXU | G\n')).toBe(0o770);
    expect(evaluate('import stat as st\nx = st.S_IRWXU + st.S_IRGRP\n')).toBe(0o740);
  });

  it.each(['x = mode', 'from os import stat\nx = stat.S_IWOTH', 'x = os.S_IWOTH | 1', 'x = 1.5', 'x = 10j', 'x = get_mode() | 0o600', 'x = "0o777"', 'x = 2 ** 10'])(
    '%s has no constant value',
    (source) => {
      // `stat` bound to `os.stat` is not the stat module, so its attributes are unknown.
      expect(evaluate(`${source}\n`)).toBeNull();
    },
  );

  it.each([
    ['MODE = 0o777\nx = MODE', 0o777],
    ['import stat\nMODE = stat.S_IRWXU | stat.S_IWOTH\nx = MODE', 0o702],
    ['def gen(bits=1024):\n    x = bits', 1024],
    ['def gen(size: int = 512, *, e=3):\n    x = size', 512],
    ['BITS = 1024\ndef gen(bits=BITS):\n    x = bits', 1024],
    ['SIZE = 1024\ndef gen():\n    x = SIZE', 1024],
    ['SIZE = 1024\ndef gen():\n    SIZE = 4096\n    x = SIZE', 4096],
    ['def gen():\n    SIZE = 4096\n    use(SIZE)\n    SIZE = 4096\n    x = SIZE', 4096],
    ['import stat\ndef put(path):\n    permissions = (\n        stat.S_IRUSR |\n        stat.S_IWGRP)\n    x = permissions', 0o420],
    // Bound more than once, or global, but by the statement just before the read: that value.
    ['def gen():\n    SIZE = 4096\n    SIZE = 1024\n    x = SIZE', 1024],
    ['def gen():\n    global SIZE\n    SIZE = 4096\n    x = SIZE', 4096],
  ])('follows a name bound once in the file, once in the function, or just before: %j', (source, value) => {
    expect(evaluate(`${source}\n`)).toBe(value);
  });

  it.each([
    'MODE = 0o777\nMODE = 0o600\nx = MODE',
    'MODE = 0o777\nMODE |= 0o600\nx = MODE',
    'def gen(bits=1024):\n    bits = max(bits, 4096)\n    x = bits',
    'def gen(bits=1024):\n    for bits in (2048, 4096):\n        x = bits',
    'def gen(bits):\n    x = bits',
    'def gen():\n    SIZE = 4096\n    SIZE += 1\n    x = SIZE',
    'def gen(c):\n    SIZE = 4096\n    if c:\n        SIZE = 1024\n    x = SIZE',
    'def gen(xs):\n    SIZE = 4096\n    for SIZE in xs:\n        pass\n    x = SIZE',
    'def gen():\n    SIZE = 4096\n    def inner():\n        SIZE = 1\n    x = SIZE',
    'def gen():\n    SIZE, other = 4096, 1\n    x = SIZE',
    'SIZE = 1024\ndef gen(SIZE):\n    x = SIZE',
    'if cond:\n    SIZE = 1024\nx = SIZE',
    'A = B\nB = A\nx = A',
  ])('does not follow a name bound more than once, in a block, or without a default: %j', (source) => {
    expect(evaluate(`${source}\n`)).toBeNull();
  });

  it('tests below, at-least and any-bits, all of which must hold', () => {
    expect(passes('x = 1024\n', { below: 2048 })).toBe(true);
    expect(passes('x = 2048\n', { below: 2048 })).toBe(false);
    expect(passes('x = 65537\n', { 'at-least': 65537 })).toBe(true);
    expect(passes('x = 3\n', { 'at-least': 65537 })).toBe(false);
    expect(passes('x = 0o666\n', { 'any-bits': 0o022 })).toBe(true);
    expect(passes('x = 0o644\n', { 'any-bits': 0o022 })).toBe(false);
    expect(passes('x = 0o664\n', { 'any-bits': 0o022, below: 0o600 })).toBe(false);
    expect(passes('x = size\n', { below: 2048 })).toBe(false);
  });

  it('rejects arguments it cannot apply', () => {
    expect(integerValuePredicate.checkArg({ below: 2048 })).toBeNull();
    expect(integerValuePredicate.checkArg({ 'any-bits': 18, 'at-least': 1 })).toBeNull();
    expect(integerValuePredicate.checkArg(true)).toMatch(/takes/);
    expect(integerValuePredicate.checkArg({})).toMatch(/takes/);
    expect(integerValuePredicate.checkArg({ above: 1 })).toMatch(/takes/);
    expect(integerValuePredicate.checkArg({ below: '2048' })).toMatch(/integers/);
  });
});
