import { isSecretName, nameWords, SECRET_NAME_TEXT } from '../../analysis/secret-names.js';
import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import type { Predicate } from './predicate.js';

/** The predicates whose argument is `true` or `{ also: [words] }`: the secret-name tests a project's or a rule's extra words extend. */
export const SECRET_NAME_PREDICATES: ReadonlySet<string> = new Set(['is-secret-name', 'flows-into-secret-name']);

/** Argument of the secret-name predicates: `true`, or `{ also: [salt, session_id] }` for more last words. */
export function checkSecretNameArg(arg: unknown): string | null {
  if (arg === true) return null;
  const also = (arg as { also?: unknown } | null)?.also;
  const ok =
    arg !== null && typeof arg === 'object' && Object.keys(arg).length === 1 && Array.isArray(also) && also.length > 0 &&
    also.every((w) => typeof w === 'string' && /^[a-z]+(_[a-z]+)*$/.test(w));
  return ok ? null : 'takes `true` or `{ also: [lower_snake_words] }`';
}

function alsoWords(arg: unknown): string[][] {
  const also = (arg as { also?: string[] } | null)?.also ?? [];
  return also.map((w) => w.split('_'));
}

/** True when `name` names a secret, or ends with one of the argument's extra words (`reset_code` ends `…_reset_code` or `resetCode`). */
export function isSecretNameFor(name: string, arg: unknown): boolean {
  if (isSecretName(name)) return true;
  const words = nameWords(name);
  return alsoWords(arg).some((extra) => extra.length <= words.length && extra.every((w, i) => words[words.length - extra.length + i] === w));
}

/** The text condition of the secret-name predicates: a secret word or one of the extra words, case aside. */
export function secretNameText(arg: unknown): { kind: 'regex'; source: string; flags: string } {
  const extra = alsoWords(arg).map((words) => words.join('[^a-z]*'));
  return { kind: 'regex', source: [SECRET_NAME_TEXT.source, ...extra].join('|'), flags: SECRET_NAME_TEXT.flags };
}

/** The last name of an identifier, attribute chain, or the value of a constant string key. */
export function nameOf(node: SyntaxNode): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text ?? null;
  if (node.type === 'string') return stringValue(node);
  return null;
}

/** The capture (a name, attribute, keyword name or string key) names a secret: `admin_password`, `auth_token`, `api_key`. */
export const isSecretNamePredicate: Predicate = {
  name: 'is-secret-name',
  description:
    'The captured identifier, attribute or string key names a secret by its last words (`password`, `token`, `secret`, `api_key`, `credentials`…); `tokens`, `token_type` and `password_policy` do not count. `{ also: [admin_pass, salt] }` adds last words.',
  checkArg: checkSecretNameArg,
  condition: secretNameText,
  test(node, arg) {
    const name = nameOf(node);
    return name !== null && isSecretNameFor(name, arg);
  },
};
