import type { KeyPaths } from '../analysis/flow/key-paths.js';
import { keyText } from '../analysis/flow/redaction.js';
import type { FlowMatcher } from './flow-spec.js';
import { isSecretNameFor, SECRET_NAME_PREDICATES } from './predicates/is-secret-name.js';
import type { Rule } from './rule.js';

/** Header keys that hold a credential without a secret's name (`{'Authorization': 'Basic …'}`). */
const CREDENTIAL_HEADER = /^(HTTP_)?(PROXY_)?AUTHORIZATION$|^(Proxy-)?Authorization$/i;

/** Whether a source, reached with these entries redacted on the way, still carries a secret: asked with the matchers that recognised it. */
export type SourceRedaction = (removed: KeyPaths, matchers: readonly FlowMatcher[]) => boolean;

const tests = new WeakMap<Rule, SourceRedaction>();

/**
 * A flow rule's test of a redacted source (`del info['data']`, `safe['X-Auth-Token'] = '***'`,
 * `dict(creds, password='***')`): it carries nothing when one of the redacted key paths ends in a
 * secret's name (the rule's own secret words and the project's included) or a credential header,
 * or is one the matchers that recognised it list in `redacted-with:` (a volume's connection info
 * keeps its CHAP secrets under `data`). Which of several secrets a dict holds is not known: one
 * redacted stands for the redaction of all.
 */
export function sourceRedaction(rule: Rule): SourceRedaction {
  let test = tests.get(rule);
  if (test) return test;
  const arg = { also: secretWordsOf(rule) };
  test = (removed, matchers) =>
    removed.some((path) => {
      const last = keyText(path[path.length - 1]!);
      if (isSecretNameFor(last, arg) || CREDENTIAL_HEADER.test(last)) return true;
      const dotted = path.map(keyText).join('.');
      return matchers.some((m) => m.redactedWith?.includes(dotted));
    });
  tests.set(rule, test);
  return test;
}

/** The extra secret words of a rule: its sources' secret-name predicates' `also:` lists and the project's (FlowSpec.secretWords). */
function secretWordsOf(rule: Rule): string[] {
  const words = new Set(rule.flow?.secretWords ?? []);
  for (const matcher of rule.flow?.sources ?? []) {
    for (const calls of Object.values(matcher.where)) {
      for (const call of calls) {
        if (!SECRET_NAME_PREDICATES.has(call.name) || call.negated) continue;
        for (const word of (call.arg as { also?: string[] } | null)?.also ?? []) words.add(word);
      }
    }
  }
  return [...words];
}
