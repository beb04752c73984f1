import { parsePython } from '../../../src/analysis/python-parser.js';
import { comparesObjectsField } from '../../../src/rules/predicates/compares-objects-field.js';

/** The first comparison in the snippet. */
const compares = (source: string) => comparesObjectsField(parsePython(`${source}\n`).rootNode.descendantsOfType('comparison_operator')[0]!);

describe('compares-objects-field', () => {
  it.each([
    ['class P:\n    def __eq__(self, other):\n        return self._password == other._password', '__eq__'],
    ['class P:\n    def __ne__(self, o):\n        return o.token != self.token', '__ne__, sides swapped'],
  ])('%s: %s', (source) => expect(compares(source)).toBe(true));

  it.each([
    ['class P:\n    def check(self, other):\n        return self._password == other._password', 'another method'],
    ['class P:\n    def __eq__(self, other):\n        return self._password == other._secret', 'different fields'],
    ['class P:\n    def __eq__(self, other):\n        return self._password == request.password', 'not the second parameter'],
    ['def __eq__(a):\n    return a.x == a.x', 'one parameter'],
  ])('%s: not (%s)', (source) => expect(compares(source)).toBe(false));
});
