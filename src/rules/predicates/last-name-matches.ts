import { unwrapParens, writtenName } from '../../analysis/syntax.js';
import type { Predicate } from './predicate.js';
import { checkRegexArgument, compiledRegex, regexCondition } from './regex-argument.js';

/**
 * The capture is a name, or an attribute read, whose last name as written matches a regular
 * expression: `create_user` of `cloud.distro.create_user`, of `self._distro().create_user`, or a
 * bare `create_user`. What a method does is said by its name even on an object diffsec cannot
 * resolve (a parameter, a call's result).
 */
export const lastNameMatches: Predicate = {
  name: 'last-name-matches',
  description:
    'The captured name, or the attribute name ending the captured attribute read (`create_user` of `cloud.distro.create_user` or of `self._distro().create_user`), as written, matches the given JavaScript regular expression; anything else (a call, a subscript) does not.',
  checkArg: checkRegexArgument,
  // The last name is written in the capture: a literal the regex needs is in its text.
  condition: regexCondition,
  test(node, arg) {
    const last = writtenName(unwrapParens(node));
    return last !== null && compiledRegex(arg).test(last);
  },
};
