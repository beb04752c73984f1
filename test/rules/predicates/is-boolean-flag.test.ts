import { isBooleanFlagPredicate } from '../../../src/rules/predicates/is-boolean-flag.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(`${source}\n`);
  return isBooleanFlagPredicate.test(node, true, { path: 'app.py', imports });
};

describe('is-boolean-flag', () => {
  it.each([
    'def delete_region_clients(cls, region_name, clear_token=False):\n    x = clear_token',
    'def f():\n    clear_token = True\n    x = clear_token',
    'def f(use_token=True):\n    with lock(use_token) as held:\n        x = use_token',
  ])('%j: a flag', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'def f(token=None):\n    x = token',
    'def f(clear_token=False):\n    clear_token = fetch()\n    x = clear_token',
    'def f(token):\n    x = token',
    'def f():\n    x = token',
    'def f(token=False):\n    x = token.value',
    // Bound to a flag just before one read does not make it one at another (the answer is kept per function and name).
    'def f():\n    token = fetch()\n    y = token\n    token = False\n    x = token',
  ])('%j: not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
