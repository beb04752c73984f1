import { unwrapParens } from '../../analysis/syntax.js';
import { constantBinding } from './constant-binding.js';
import { isConstantValue } from './is-constant-value.js';
import { isTruthyConstant } from './is-truthy-constant.js';
import type { Predicate } from './predicate.js';

/**
 * The capture is a constant literal, or a name bound once in the file to one (a module constant
 * or the enclosing function's parameter default, see constantBinding), whose truth value is the
 * argument. A name bound otherwise (a parameter without a default, a config value) passes neither
 * way: its value is the caller's, unknown here.
 */
export const boundTruthValue: Predicate = {
  name: 'bound-truth-value',
  description:
    'The captured expression is a literal written out in full, or a name bound once in the file to one (a module constant, or a parameter default of the enclosing function that it never rebinds), whose truth value is the given boolean: `false` holds for `False`, `None`, `0`, `""` and `def load(path, weights_only=False)`; a value not known in the file holds for neither.',
  checkArg: (arg) => (typeof arg === 'boolean' ? null : 'takes `true` or `false`'),
  test(node, arg) {
    let n = unwrapParens(node);
    for (let depth = 0; n.type === 'identifier' && depth < 8; depth++) {
      const bound = constantBinding(n);
      if (!bound) return false;
      n = unwrapParens(bound);
    }
    return isConstantValue(n) && isTruthyConstant(n) === arg;
  },
};
