import { isSecretName, nameWords } from '../../src/analysis/secret-names.js';

describe('isSecretName', () => {
  it.each(['password', 'admin_password', 'ADMIN_PASSWORD', 'adminPassword', '_password', 'passwd', 'token', 'auth_token', 'api_key', 'apiKey', 'secret', 'client_secret', 'private_key', 'credentials', 'db_pwd'])(
    '%s is a secret name',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['tokens', 'token_type', 'token_url', 'password_policy', 'max_tokens', 'cache_key', 'key', 'keys', 'secret_ref', 'user', 'passenger', 'tokenizer', 'password_length'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  it.each(['next_token', 'NextToken', 'starting_token', 'page_token', 'continuation_token', 'end_token', 'idempotency_token', 'acquire_token'])(
    '%s is a cursor or marker, not a secret',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  it.each(['access_token', 'refresh_token', 'csrf_token', 'id_token', 'session_token'])('%s is still a secret', (name) => expect(isSecretName(name)).toBe(true));
  it('splits camel case and separators', () => {
    expect(nameWords('adminAPIKey_v2')).toEqual(['admin', 'apikey', 'v']);
  });
});
