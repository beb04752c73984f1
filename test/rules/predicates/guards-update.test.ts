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
    // zunclient's keyring cache: nothing changed, nothing to save.
    ['if (auth_token == self.auth_token and\n        url == self.url):\n    # Nothing changed....\n    return', 'an unchanged value skips the save'],
    ['if token == self.token:\n    return', 'alone, a bare return'],
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
    ['if token == self.token:\n    return True', 'returns an answer'],
    ['if token != self.token:\n    return', 'returns on a mismatch: may deny'],
    ['if token == self.token or forced:\n    return', 'or-ed with another condition'],
    ['if token == self.token:\n    log(token)\n    return', 'does more than return'],
  ])('%s: not (%s)', (source) => {
    expect(guards(source)).toBe(false);
  });

  it('takes only true', () => {
    expect(guardsUpdatePredicate.checkArg(true)).toBeNull();
    expect(guardsUpdatePredicate.checkArg('x')).not.toBeNull();
  });
});
