import { stringValue } from '../../analysis/string-literal.js';
import { requiredLiterals } from '../regex-literals.js';
import type { Predicate } from './predicate.js';

const compiled = new Map<string, RegExp>();

/** The capture is a constant string whose value matches a JavaScript regular expression. */
export const matchesString: Predicate = {
  name: 'matches-string',
  description: 'The captured constant string\'s value (quotes and prefix removed) matches the given JavaScript regular expression.',
  checkArg(arg) {
    if (typeof arg !== 'string') return 'takes a regular expression as a string';
    try {
      new RegExp(arg);
      return null;
    } catch (error) {
      return `is not a valid regular expression: ${(error as Error).message}`;
    }
  },
  // The value is the string's text between its quotes, escapes as written: what the regex needs is in the source.
  condition(arg) {
    const literals = requiredLiterals(arg as string);
    return literals ? { kind: 'literals', literals, token: false } : null;
  },
  test(node, arg) {
    const value = stringValue(node);
    if (value === null) return false;
    let pattern = compiled.get(arg as string);
    if (!pattern) compiled.set(arg as string, (pattern = new RegExp(arg as string)));
    return pattern.test(value);
  },
};
