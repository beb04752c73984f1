import { parsePython } from '../../../src/analysis/python-parser.js';
import { guardsUpdate, guardsUpdatePredicate } from '../../../src/rules/predicates/guards-update.js';

/** The first comparison in the snippet. */
const guards = (source: string) => guardsUpdate(parsePython(`${source}\n`).rootNode.descendantsOfType('comparison_operator')[0]!);

describe('guards-update', () => {
  it.each([
    ['if old != node.get("password"):\n    hosts["password"] = node.get("password")', 'the new value stored'],
    ['if self.token != token:\n    self.token = token', 'stored to the compared attribute'],
    ['if (self.token != token):\n    self.expired = False\n    self.token = token', 'in parentheses, among other statements'],
    ['if token == cached:\n    cached = token', 'either operator'],
  ])('%s: %s', (source) => {
    expect(guards(source)).toBe(true);
  });

  it.each([
    ['if self.token != token:\n    self.expired = True', 'the body stores something else'],
    ['if self.token == token and valid:\n    self.token = token', 'part of a larger condition'],
    ['if self.token != token:\n    raise Unauthorized()', 'an answer'],
    ['ok = self.token == token', 'no if'],
    ['if a != b:\n    pass\nelse:\n    a = b', 'stored in the else branch only'],
    ['if a != b:\n    def f():\n        a = b', 'stored in a nested function'],
  ])('%s: not (%s)', (source) => {
    expect(guards(source)).toBe(false);
  });

  it('takes only true', () => {
    expect(guardsUpdatePredicate.checkArg(true)).toBeNull();
    expect(guardsUpdatePredicate.checkArg('x')).not.toBeNull();
  });
});
