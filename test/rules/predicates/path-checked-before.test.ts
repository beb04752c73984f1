import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { isPathCheckedBefore } from '../../../src/rules/predicates/path-checked-before.js';

/** The last identifier `name` on the snippet's sink line (the line calling `open`, `makedirs` or `write_text`): the read a sink would make. */
function lastRead(source: string, name = 'x'): SyntaxNode {
  const sinkLine = source.split('\n').findIndex((line) => /\b(open|makedirs|write_text)\(/.test(line));
  const ids = parsePython(source).rootNode.descendantsOfType('identifier').filter((n) => n.text === name && n.startPosition.row === sinkLine);
  return ids[ids.length - 1]!;
}

describe('path-checked-before', () => {
  it.each([
    ['def f(d, x):\n    if not os.path.realpath(x).startswith(d):\n        raise ValueError(x)\n    open(x, "wb")\n'],
    ['def f(d, x):\n    x = os.path.realpath(os.path.join(d, n))\n    if os.path.commonpath([d, x]) != d:\n        raise ValueError(x)\n    open(x, "wb")\n'],
    ['def f(d, x):\n    t = os.path.abspath(os.path.join(d, x))\n    if not t.startswith(d):\n        return\n    open(os.path.join(d, x))\n'],
    ['def f(d, x):\n    if not (d / x).resolve().is_relative_to(d):\n        return\n    (d / x).write_text("")\n'],
    ['def f(d, x):\n    if ".." in x:\n        continue\n    open(os.path.join(d, x))\n'],
    ['def f(d, x):\n    if ".." in x.split("/"):\n        continue\n    open(os.path.join(d, x))\n'],
    ['def f(d, p, x):\n    utils.check_iso_path(d, p, x)\n    open(os.path.join(d, p, x))\n'],
    ['def f(d, p, x):\n    check_iso_path(d,\n                   os.path.join(p, x))\n    os.makedirs(os.path.join(d, p, x))\n'],
    ['def f(d, x):\n    if not is_within_directory(d, x):\n        raise Exception("bad")\n    open(x)\n'],
  ])('holds after a check: %j', (source) => {
    expect(isPathCheckedBefore(lastRead(source))).toBe(true);
  });

  it.each([
    ['def f(d, x):\n    open(os.path.join(d, x))\n'],
    ['def f(d, x):\n    open(x)\n    if not os.path.realpath(x).startswith(d):\n        raise ValueError(x)\n'],
    ['def f(d, x):\n    y = os.path.realpath(x)\n    open(x)\n'],
    ['def f(d, x, y):\n    if ".." in y:\n        return\n    open(x)\n'],
    ['def f(d, x):\n    check_quota(d, x)\n    open(x)\n'],
    ['def f(d, x, next_x):\n    validate_path(d, next_x)\n    open(x)\n'],
    ['def f(d, x):\n    check_file_path(d, name=x)\n    y = x\n    open(y)\n'],
    ['def g(d, x):\n    check_iso_path(d, x)\n\ndef f(d, x):\n    open(x)\n'],
  ])('does not hold without a check of that name before the read: %j', (source) => {
    const read = source.includes('open(y)') ? lastRead(source, 'y') : lastRead(source);
    expect(isPathCheckedBefore(read)).toBe(false);
  });

  it('stays fast on a long run of unclosed helper calls', () => {
    const source = `def f(d, x):\n    y = ${'check_path('.repeat(20000)}\n    open(x)\n`;
    const started = Date.now();
    isPathCheckedBefore(lastRead(source));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
