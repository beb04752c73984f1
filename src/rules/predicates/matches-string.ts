import { stringValue } from '../../analysis/string-literal.js';
import type { Predicate } from './predicate.js';
import { checkRegexArgument, compiledRegex, regexCondition } from './regex-argument.js';

/** The capture is a constant string whose value matches a JavaScript regular expression. */
export const matchesString: Predicate = {
  name: 'matches-string',
  description: 'The captured constant string\'s value (quotes and prefix removed) matches the given JavaScript regular expression.',
  checkArg: checkRegexArgument,
  // The value is the string's text between its quotes, escapes as written: what the regex needs is in the source.
  condition: regexCondition,
  test(node, arg) {
    const value = stringValue(node);
    if (value === null) return false;
    return compiledRegex(arg).test(value);
  },
};
