import { boundString } from '../../../src/rules/predicates/bound-string.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string, regex = '^(0\\.0\\.0\\.0|::)$') => {
  const { node, imports } = assignedValue(`${source}\n`);
  return boundString.test(node, regex, { path: 'app.py', imports });
};

describe('bound-string', () => {
  it.each([
    'x = "0.0.0.0"',
    'BIND = "0.0.0.0"\nx = BIND',
    'def serve(host="::"):\n    x = host',
    'ANY = "0.0.0.0"\ndef serve(host=ANY):\n    x = host',
  ])('%j is bound to a matching constant string', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'x = "127.0.0.1"',
    'x = f"{ip}"',
    'def serve(host):\n    x = host',
    'def serve(host="0.0.0.0"):\n    host = CONF.host\n    x = host',
    'BIND = "0.0.0.0"\nBIND = "127.0.0.1"\nx = BIND',
    'x = host',
  ])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('checks its argument as a regular expression', () => {
    expect(boundString.checkArg('^a$')).toBeNull();
    expect(boundString.checkArg('(')).toMatch(/not a valid/);
  });
});
