import { isSecretName, SECRET_NAME_TEXT } from '../../analysis/secret-names.js';
import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

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
    'The captured identifier, attribute or string key names a secret by its last words (`password`, `token`, `secret`, `api_key`, `credentials`…); `tokens`, `token_type` and `password_policy` do not count.',
  checkArg: expectTrue,
  condition: () => ({ kind: 'regex', source: SECRET_NAME_TEXT.source, flags: SECRET_NAME_TEXT.flags }),
  test(node) {
    const name = nameOf(node);
    return name !== null && isSecretName(name);
  },
};
