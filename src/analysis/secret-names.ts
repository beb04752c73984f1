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

/**
 * `<qualifier>_token` is NOT a secret with one of these qualifiers: pagination and sync cursors
 * (`next_token`, `starting_token`, `input_token`), parser and stream markers (`end_token`,
 * `current_token`, `lookahead_token`), idempotency and
 * optimistic-lock tokens (`idempotency_token`, `change_token`), semaphore tickets.
 */
const HANDLE_TOKEN_QUALIFIERS = new Set([
  'next', 'page', 'pagination', 'continuation', 'starting', 'start', 'end', 'done', 'default', 'sync',
  'cancellation', 'cancel', 'acquire', 'idempotency', 'change', 'update', 'resume', 'marker',
  'current', 'last', 'first', 'prev', 'previous', 'lookahead', 'peek', 'input', 'output',
]);

/**
 * Text every secret name contains, case aside: its last word (`password`, `token`…), or for
 * `<qualifier>_key` the qualifier, the key and what separates them. Finds where a secret may be
 * named without parsing anything; isSecretName still decides.
 */
export const SECRET_NAME_TEXT = /pass(?:word|wd|phrase)|pwd|secret|token|credential|apikey|privkey|psk|(?:api|private|access|auth|encryption|signing|master|session)[^a-z]*key/i;

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
  if (last === 'token' && words.length >= 2 && HANDLE_TOKEN_QUALIFIERS.has(words[words.length - 2]!)) return false;
  if (SECRET_NOUNS.has(last)) return true;
  if (last === 'key' && words.length >= 2) return KEY_QUALIFIERS.has(words[words.length - 2]!);
  return false;
}
