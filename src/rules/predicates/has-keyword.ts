import { hasDictSplat, keywordValue } from './keyword-argument.js';
import { expectString, type Predicate } from './predicate.js';

/** The captured call passes keyword `name` (or `**kwargs`, which may hold it). */
export const hasKeyword: Predicate = {
  name: 'has-keyword',
  description: 'The captured call passes the named keyword argument, or `**kwargs` that may hold it. Use under `not:` for "called without `timeout=`".',
  checkArg: expectString,
  test: (node, arg) => keywordValue(node, arg as string) !== null || hasDictSplat(node),
};
