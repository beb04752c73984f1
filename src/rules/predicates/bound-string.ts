import { stringValue } from '../../analysis/string-literal.js';
import { unwrapParens } from '../../analysis/syntax.js';
import { constantBinding } from './constant-binding.js';
import { matchesString } from './matches-string.js';
import type { Predicate } from './predicate.js';

/**
 * The capture is a constant string, or a name bound once in the file to one (a module constant or
 * the enclosing function's parameter default, see constantBinding), whose value matches the regex.
 */
export const boundString: Predicate = {
  name: 'bound-string',
  description:
    'Like `matches-string`, but the capture may also be a name bound once in the file to a constant string: a module constant (`BIND = "0.0.0.0"`) or a parameter default of the enclosing function (`def serve(host="0.0.0.0")`).',
  checkArg: matchesString.checkArg,
  test(node, arg, ctx) {
    let n = unwrapParens(node);
    for (let depth = 0; n.type === 'identifier' && depth < 8; depth++) {
      const bound = constantBinding(n);
      if (!bound) return false;
      n = unwrapParens(bound);
    }
    return stringValue(n) !== null && matchesString.test(n, arg, ctx) === true;
  },
};
