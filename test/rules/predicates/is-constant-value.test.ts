import { isConstantValuePredicate } from '../../../src/rules/predicates/is-constant-value.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return isConstantValuePredicate.test(node, true, { path: 'app.py', imports });
};

describe('is-constant-value', () => {
  it.each(['x = "a"', 'x = "a" "b"', 'x = 3', 'x = -1', 'x = None', 'x = ["a = 1", "b"]', 'x = ("t",)', 'x = {"n": "count(*)", "m": [1, 2]}', 'x = {\n    "a": "b",  # why\n}', 'x = []'])(
    '%j is a constant literal',
    (source) => {
      expect(holds(source)).toBe(true);
    },
  );

  it.each(['x = name', 'x = f"{a}"', 'x = "%s" % a', 'x = ["a", b]', 'x = {"a": b}', 'x = {k: "v"}', 'x = dict(a="b")', 'x = {**other}', 'x = [*rest]'])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
