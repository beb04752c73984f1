import { destinationName } from '../../../src/rules/predicates/flows-into-secret-name.js';
import { firstNode } from '../../helpers/parse.js';

/** The destination of the first call to `pick(...)` in a snippet. */
function destinationOf(source: string): string | null {
  const { node } = firstNode(source, 'call');
  let call = node;
  for (const c of node.descendantsOfType('call')) if (c.childForFieldName('function')?.text === 'pick') call = c;
  return destinationName(call)?.label ?? null;
}

describe('destinationName', () => {
  it.each([
    ['token = pick()', 'token'],
    ['self.api_key = "%x" % pick()', 'self.api_key'],
    ['password = "".join(pick() for _ in range(8))', 'password'],
    ['password = "".join([pick() for _ in range(8)])', 'password'],
    ['f(secret=str(pick()))', 'secret'],
    ['d = {"password": pick()}', '"password"'],
    ['token_dict["verifier"] = str(pick())', 'token_dict["verifier"]'],
    ['def make_token():\n    return str(pick())', 'make_token()'],
  ])('%s → %s', (source, expected) => {
    expect(destinationOf(source)).toBe(expected);
  });

  it.each(['print(pick())', 'if pick():\n    pass', 'x[pick()] = 1', 'rows[i] = pick()'])('%s has none', (source) => {
    expect(destinationOf(source)).toBeNull();
  });
});
