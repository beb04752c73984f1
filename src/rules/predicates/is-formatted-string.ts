import { isFormattedString } from '../../analysis/string-literal.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The capture builds a string from run-time values: f-string, `%`, `.format()` or `+`. */
export const isFormattedStringPredicate: Predicate = {
  name: 'is-formatted-string',
  description: 'The captured expression builds a string from run-time values: an f-string with a field, `"…" % x`, `"…".format(x)`, or `+` joining a string and a non-constant.',
  checkArg: expectTrue,
  test: (node) => isFormattedString(node),
};
