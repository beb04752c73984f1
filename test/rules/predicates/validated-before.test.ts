import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { isValidatedBefore } from '../../../src/rules/predicates/validated-before.js';

/** The last identifier `name` in the snippet: the read a sink would make. */
function lastRead(source: string, name = 'x'): SyntaxNode {
  const ids = parsePython(source).rootNode.descendantsOfType('identifier').filter((n) => n.text === name);
  return ids[ids.length - 1]!;
}

describe('validated-before', () => {
  it.each([
    ['def f(x):\n    if x not in ALLOWED:\n        raise ValueError(x)\n    run(x)\n'],
    ['def f(x):\n    if x in ("a", "b"):\n        run(x)\n'],
    ['def f(x):\n    if not re.fullmatch(r"[a-z]+", x):\n        return\n    run(x)\n'],
    ['def f(x):\n    if not PATTERN.fullmatch(x):\n        return\n    run(x)\n'],
    ['def f(x):\n    assert re.match(r"^[a-z]+$", x)\n    run(x)\n'],
    ['def f(x):\n    ipaddress.ip_address(x)\n    run(x)\n'],
    ['def f(x):\n    if not uuidutils.is_uuid_like(x):\n        return\n    run(x)\n'],
    ['def f(x):\n    if x.isdigit():\n        run(x)\n'],
  ])('holds after a guard: %j', (source) => {
    expect(isValidatedBefore(lastRead(source))).toBe(true);
  });

  it.each([
    ['def f(x):\n    run(x)\n    if x in ALLOWED:\n        pass\n'],
    ['def f(x):\n    if x in CONF.allowed:\n        run(x)\n'],
    ['def f(x):\n    if x in names:\n        run(x)\n'],
    ['def f(x):\n    if re.match(r"[a-z]+", x):\n        run(x)\n'],
    ['def f(x, xs):\n    if xs in ALLOWED:\n        run(x)\n'],
    ['def g(x):\n    if x in ALLOWED:\n        pass\n\ndef f(x):\n    run(x)\n'],
    ['def f(x):\n    if x in (a, b):\n        run(x)\n'],
  ])('does not hold without a whole-value guard before the read: %j', (source) => {
    expect(isValidatedBefore(lastRead(source))).toBe(false);
  });

  it('stays fast on a long line of near-guards', () => {
    const source = `def f(x):\n    y = re.fullmatch(${'a, '.repeat(20000)}b)\n    x in (${"'a' ".repeat(20000)}\n    run(x)\n`;
    const started = Date.now();
    isValidatedBefore(lastRead(source));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
