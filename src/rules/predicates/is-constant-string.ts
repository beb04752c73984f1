import { isConstantString } from '../../analysis/string-literal.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The capture is a string literal with no interpolation (or a concatenation of them). */
export const isConstantStringPredicate: Predicate = {
  name: 'is-constant-string',
  description: 'The captured expression is a string literal with no interpolation, or a concatenation of such literals.',
  checkArg: expectTrue,
  test: (node) => isConstantString(node),
};
