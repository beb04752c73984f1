import type { TextCondition } from '../text-condition.js';
import { requiredLiterals } from '../regex-literals.js';

// Predicates that take a JavaScript regular expression (matches-string, last-name-matches): one
// check of the argument, one text condition from its literals, one compiled copy per pattern.

const compiled = new Map<string, RegExp>();

/** Why the argument is not a usable regular expression, or null. */
export function checkRegexArgument(arg: unknown): string | null {
  if (typeof arg !== 'string' || arg.length === 0) return 'takes a regular expression as a string';
  try {
    new RegExp(arg);
    return null;
  } catch (error) {
    return `is not a valid regular expression: ${(error as Error).message}`;
  }
}

/** Text any match must contain, when the capture's text holds what the regex reads. */
export function regexCondition(arg: unknown): TextCondition | null {
  const literals = requiredLiterals(arg as string);
  return literals ? { kind: 'literals', literals, token: false } : null;
}

/** The argument compiled, once per pattern. */
export function compiledRegex(arg: unknown): RegExp {
  let pattern = compiled.get(arg as string);
  if (!pattern) compiled.set(arg as string, (pattern = new RegExp(arg as string)));
  return pattern;
}
