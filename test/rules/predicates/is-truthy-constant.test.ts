import { isTruthyConstantPredicate } from '../../../src/rules/predicates/is-truthy-constant.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return isTruthyConstantPredicate.test(node, true, { path: 'app.py', imports });
};

describe('is-truthy-constant', () => {
  it.each(['x = True', 'x = 1', 'x = -1', 'x = 0x10', 'x = 0.5', 'x = "True"', 'x = "False"', "x = 'None'", 'x = "a" "b"', 'x = "" + "a"', 'x = [True]', 'x = [False]', 'x = (0,)', 'x = {"IS": "True"}', 'x = (True)'])(
    '%j is a truthy constant',
    (source) => {
      expect(holds(source)).toBe(true);
    },
  );

  it.each(['x = False', 'x = None', 'x = 0', 'x = 0.0', 'x = 0x0', 'x = -0', 'x = ""', "x = ''", 'x = "" ""', 'x = []', 'x = ()', 'x = {}', 'x = name', 'x = call()', 'x = f"{a}"', 'x = [name]', 'x = not 0'])(
    '%j is not',
    (source) => {
      expect(holds(source)).toBe(false);
    },
  );
});
