import { hasKeyword } from './has-keyword.js';
import { integerValuePredicate } from './integer-value.js';
import { isConstantStringPredicate } from './is-constant-string.js';
import { isFormattedStringPredicate } from './is-formatted-string.js';
import { isSecretNamePredicate } from './is-secret-name.js';
import { isTestFile } from './is-test-file.js';
import { keywordResolvesTo } from './keyword-resolves-to.js';
import { matchesString } from './matches-string.js';
import { mentionsSecret } from './mentions-secret.js';
import type { Predicate } from './predicate.js';
import { resolvesTo } from './resolves-to.js';

/** Every predicate a rule's `where:` may name, by name. Adding one: a file here plus a line below. */
export const PREDICATES: ReadonlyMap<string, Predicate> = new Map(
  [
    resolvesTo,
    isConstantStringPredicate,
    isFormattedStringPredicate,
    isSecretNamePredicate,
    mentionsSecret,
    hasKeyword,
    keywordResolvesTo,
    isTestFile,
    matchesString,
    integerValuePredicate,
  ].map((p) => [p.name, p]),
);
