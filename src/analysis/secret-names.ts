/**
 * Decides whether a variable, attribute or key name holds a secret, by its last words rather than
 * a substring, so `token` and `admin_password` count while `tokens`, `token_type`, `password_policy`
 * and `max_tokens` do not.
 */

const SECRET_NOUNS = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential',
  'credentials', 'apikey', 'privkey', 'psk',
]);
/** `<qualifier>_key` is a secret only with one of these qualifiers: `api_key`, not `cache_key`. */
const KEY_QUALIFIERS = new Set(['api', 'private', 'secret', 'access', 'auth', 'encryption', 'signing', 'master', 'session']);

/** Splits `adminPassword`, `ADMIN_PASSWORD`, `_admin-password2` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** True when `name` names a secret value. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (!last) return false;
  if (SECRET_NOUNS.has(last)) return true;
  if (last === 'key' && words.length >= 2) return KEY_QUALIFIERS.has(words[words.length - 2]!);
  return false;
}
