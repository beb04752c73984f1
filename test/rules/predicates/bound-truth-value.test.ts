import { boundTruthValue } from '../../../src/rules/predicates/bound-truth-value.js';
import { assignedValue } from '../../helpers/parse.js';

const truth = (source: string, arg: boolean) => {
  const { node, imports } = assignedValue(`${source}\n`);
  return boundTruthValue.test(node, arg, { path: 'app.py', imports });
};

describe('bound-truth-value', () => {
  it.each([
    'x = False',
    'x = None',
    'x = 0',
    'x = ""',
    'x = (False)',
    'SAFE = False\nx = SAFE',
    'def load(path, weights_only=False):\n    x = weights_only',
    'OFF = None\ndef load(path, weights_only=OFF):\n    x = weights_only',
  ])('%j is bound to a false constant', (source) => {
    expect(truth(source, false)).toBe(true);
    expect(truth(source, true)).toBe(false);
  });

  it.each(['x = True', 'x = 1', 'x = "no"', 'SAFE = True\nx = SAFE', 'def load(path, weights_only=True):\n    x = weights_only'])('%j is bound to a true constant', (source) => {
    expect(truth(source, true)).toBe(true);
    expect(truth(source, false)).toBe(false);
  });

  it.each([
    'x = flag',
    'x = args.weights_only',
    'x = call()',
    'def load(path, weights_only):\n    x = weights_only',
    'def load(path, weights_only=False):\n    weights_only = CONF.safe\n    x = weights_only',
    'SAFE = False\nSAFE = True\nx = SAFE',
  ])('%j is not known in the file: neither', (source) => {
    expect(truth(source, false)).toBe(false);
    expect(truth(source, true)).toBe(false);
  });

  it('takes a boolean', () => {
    expect(boundTruthValue.checkArg(false)).toBeNull();
    expect(boundTruthValue.checkArg('false')).toMatch(/true/);
  });
});
