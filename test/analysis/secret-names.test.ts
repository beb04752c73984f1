import { isSecretName, nameWords, SECRET_NAME_TEXT } from '../../src/analysis/secret-names.js';

describe('isSecretName', () => {
  it.each(['password', 'admin_password', 'ADMIN_PASSWORD', 'adminPassword', '_password', 'passwd', 'token', 'auth_token', 'api_key', 'apiKey', 'secret', 'client_secret', 'private_key', 'credentials', 'db_pwd', 'path_private_key', 'key_path_to_password'])(
    '%s is a secret name',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['tokens', 'token_type', 'token_url', 'password_policy', 'max_tokens', 'cache_key', 'key', 'keys', 'secret_ref', 'user', 'passenger', 'tokenizer', 'password_length', 'path_to_private_key', 'file_of_password', 'location_of_secret'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  // A name ending in a file word names where the secret is kept (DS201/DS202 need no path test for these).
  it.each(['private_key_file', 'password_file', 'ca_private_key_path', 'token_dir', 'secret_filename', 'auth_token_file_path'])(
    '%s names a file, not a secret',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  it.each(['next_token', 'NextToken', 'starting_token', 'page_token', 'continuation_token', 'end_token', 'idempotency_token', 'acquire_token'])(
    '%s is a cursor or marker, not a secret',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  it.each(['access_token', 'refresh_token', 'csrf_token', 'id_token', 'session_token'])('%s is still a secret', (name) => expect(isSecretName(name)).toBe(true));
  // The id half of an S3/EC2 key pair; the other half is the secret.
  it.each(['access_key', 'accessKey', 'ACCESS_KEY', 'aws_access_key', 'ec2_access_key'])('%s is a key id, not a secret', (name) => expect(isSecretName(name)).toBe(false));
  it.each(['secret_access_key', 'aws_secret_access_key', 'SecretAccessKey', 'secret_key'])('%s is the secret half', (name) => expect(isSecretName(name)).toBe(true));
  const SNMP_AND_SIGNATURES = [
    'snmp_community', 'community', 'read_community', 'write_community', 'snmp_community_read', 'snmp_community_write',
    'rw_community', 'snmp_v2c_community', 'snmpCommunity',
    'irmc_snmp_community', 'community_string', 'community_name', 'snmp_auth_key', 'snmp_priv_key', 'priv_key', 'privKey',
    'temp_url_key', 'tempurl_key', 'swift_temp_url_key', 'X-Account-Meta-Temp-URL-Key', 'temp_url_sig', 'temp_url_signature',
    's3_signature', 'S3Signature', 'X-Amz-Signature', 'aws_signature', 'hmac_signature',
  ];
  it.each(SNMP_AND_SIGNATURES)('%s (an SNMP community or key, a temp-URL key, a bearer signature) is a secret name', (name) =>
    expect(isSecretName(name)).toBe(true),
  );
  it.each([
    'communities', 'pvlan_community', 'prev_pvlan_community', 'pvlan_community_name', 'image_community', 'community_id', 'community_ids', 'snmp_auth_protocol', 'snmp_priv_protocol', 'snmp_version',
    'signature', 'img_signature', 's_sig', 'assigned_sig', 'uses_signature', 'expected_signature', 'inspect_signature', 'signature_verified', 'sig',
    'url_key', 'cache_url_key', 'temp_url_expires', 'temp_url_duration', 'url', 'key_url',
  ])('%s is not', (name) => expect(isSecretName(name)).toBe(false));
  it.each([
    ...SNMP_AND_SIGNATURES, 'password', 'adminPassword', 'auth_token', 'api_key', 'apiKey', 'private_key', 'privkey', 'client_secret', 'db_pwd',
    'credentials', 'session_key', 'encryptionKey',
  ])('SECRET_NAME_TEXT finds %s (a gate must hold wherever the name does)', (name) => expect(SECRET_NAME_TEXT.test(name)).toBe(true));
  it('splits camel case and separators', () => {
    expect(nameWords('adminAPIKey_v2')).toEqual(['admin', 'apikey', 'v']);
  });
});
