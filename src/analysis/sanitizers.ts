/**
 * Calls whose result no longer reveals a secret: OpenStack's oslo_utils masking helpers and the
 * usual suspects. Matched against the callee's last name, so `strutils.mask_password` and a bare
 * imported `mask_password` both count.
 */
export const DEFAULT_SANITIZERS: readonly string[] = [
  'mask_password',
  'mask_dict_password',
  'sanitize',
  'sanitize_secrets',
  'redact',
  'hash_password',
  'len',
  'bool',
  'type',
  'isinstance',
  'hashlib.sha256',
];
