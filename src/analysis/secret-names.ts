/**
 * Decides whether a variable, attribute or key name holds a secret, by its last words rather than
 * a substring, so `token` and `admin_password` count while `tokens`, `token_type`, `password_policy`
 * and `max_tokens` do not.
 */

const SECRET_NOUNS = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential',
  'credentials', 'apikey', 'privkey', 'psk',
]);
/**
 * `<qualifier>_key` is a secret only with one of these qualifiers: `api_key`, not `cache_key`;
 * `priv` for SNMPv3's privacy key (`snmp_priv_key`; `snmp_auth_key` has `auth`).
 */
const KEY_QUALIFIERS = new Set(['api', 'private', 'priv', 'secret', 'access', 'auth', 'encryption', 'signing', 'master', 'session']);

/**
 * `<qualifier>_sig`/`_signature` is a secret only with one of these qualifiers: a signature that
 * grants access by itself (a Swift temp URL's `temp_url_sig`, an S3 request's `s3_signature` or
 * `X-Amz-Signature`, an `hmac_signature` made with a shared key), not an image's, a function's or
 * a file format's (`img_signature`, `signature`). Digits split words, so S3 is the word `s`
 * written `s3` (see isSecretName).
 */
const SIGNATURE_QUALIFIERS = new Set(['url', 'tempurl', 'amz', 'aws', 'hmac']);
/** `s3_signature`, `S3Signature`: the text SECRET_NAME_TEXT looks for, so that `s_sig` and `assigned` are not read as S3's. */
const S3_SIGNATURE = /s3[^a-z]*sig/i;

/** Words after `community` that still name the community string: `snmp_community_read`, `community_name`. */
const COMMUNITY_SUFFIXES = new Set(['read', 'write', 'string', 'name']);
/**
 * Words right before `community` that make it SNMP's: `read_community`, `rw_community`. Any other
 * qualifier names another community (`pvlan_community`, a private VLAN's; `image_community`), unless
 * `snmp` comes earlier (`irmc_snmp_community`).
 */
const COMMUNITY_QUALIFIERS = new Set(['snmp', 'read', 'write', 'ro', 'rw', 'trap']);

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
 * `<qualifier>_key` and `<qualifier>_sig` the qualifier, the key or `sig` and what separates them
 * (`url_key` for `temp_url_key`), or `communit` for the community string's names. Finds where a secret may be
 * named without parsing anything; isSecretName still decides.
 */
export const SECRET_NAME_TEXT =
  /pass(?:word|wd|phrase)|pwd|secret|token|credential|apikey|privkey|psk|communit|(?:api|priv|private|access|auth|encryption|signing|master|session|url)[^a-z]*key|(?:url|amz|aws|hmac|s3)[^a-z]*sig/i;

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
  // `path_to_private_key`, `file_of_password`: where the secret is kept, not the secret (manila).
  if ((words[0] === 'path' || words[0] === 'file' || words[0] === 'location') && (words[1] === 'to' || words[1] === 'of')) return false;
  if (last === 'token' && words.length >= 2 && HANDLE_TOKEN_QUALIFIERS.has(words[words.length - 2]!)) return false;
  if (SECRET_NOUNS.has(last)) return true;
  const before = words[words.length - 2];
  if (last === 'community') return isSnmpCommunity(words, words.length - 1);
  if (before === undefined) return false;
  // `access_key` is the id half of an S3/EC2 key pair, shown in every listing; `secret_access_key` is the secret.
  if (last === 'key' && before === 'access') return words[words.length - 3] === 'secret';
  if (last === 'key') return KEY_QUALIFIERS.has(before) || isTempUrlKey(words);
  if (last === 'sig' || last === 'signature') return SIGNATURE_QUALIFIERS.has(before) || (before === 's' && S3_SIGNATURE.test(name));
  return before === 'community' && COMMUNITY_SUFFIXES.has(last) && isSnmpCommunity(words, words.length - 2);
}

/**
 * An SNMP v1/v2c community string, the agent's password: `community` alone or first
 * (`community_string`), after an SNMP qualifier (`read_community`), or after `snmp` anywhere
 * earlier (`irmc_snmp_community`); not `pvlan_community`, a private VLAN's community.
 */
function isSnmpCommunity(words: string[], at: number): boolean {
  if (at === 0) return true;
  return COMMUNITY_QUALIFIERS.has(words[at - 1]!) || words.slice(0, at).includes('snmp');
}

/** A Swift account's Temp-URL key, which signs download URLs: `temp_url_key`, `tempurl_key`, `X-Account-Meta-Temp-URL-Key`. */
function isTempUrlKey(words: string[]): boolean {
  const n = words.length;
  return words[n - 2] === 'tempurl' || (words[n - 2] === 'url' && words[n - 3] === 'temp');
}
