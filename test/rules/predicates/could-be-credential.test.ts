import { couldBeCredential, couldBeCredentialPredicate } from '../../../src/rules/predicates/could-be-credential.js';
import { parsePython } from '../../../src/analysis/python-parser.js';

/** The last constant string in the snippet: the value given to a name. */
const lastString = (source: string) => {
  const strings = parsePython(`${source}\n`).rootNode.descendantsOfType('string');
  return strings[strings.length - 1]!;
};
const could = (source: string) => couldBeCredential(lastString(source));

describe('could-be-credential', () => {
  it.each([
    'password = "s3cret"',
    'password = "changeme"',
    'password = "secret"',
    'password = "password123"',
    'admin_token = "ADMIN"',
    'def f(password="hunter2"): pass',
    'f(api_key="AKIAIOSFODNN7EXAMPLE")',
    'x = {"password": "guest"}',
    "def f(change_password='0n_create'): pass",
    "ok = update_password == 'always1'",
    'creds["password"] = "letmein"',
    'ok = password == "admin"',
    'ok = "admin" != password',
    'token = "ab12cd34ef56"',
    'token = "0123456789abcdef0123"',
    'password = "secret**"',
    'password = "**s3cret**"',
    'password = "pass"',
    'bearer_token = "yourtoken9f8e7d6c"',
    'passphrase = "correct horse battery staple"',
    'password = "20240101"',
    'password = "open/sesame"',
    'password = "/Adm1n"',
  ])('%s could be a credential', (source) => {
    expect(could(source)).toBe(true);
  });

  it.each([
    ['password = ""', 'empty: unset'],
    ['password = "***"', 'a mask'],
    ["kwargs['data']['password'] = '**SECRET**'", 'a mask with a word in it (designate)'],
    ['password = "<redacted>"', 'a mask with a word in it'],
    ['end = "\\r\\n\\r\\n"', 'escapes only'],
    ['password = "x"', 'a one-character flag'],
    ['ok = credentials != "NONE"', 'a sentinel'],
    ['password = "True"', 'a sentinel'],
    ["def f(update_password='on_create'): pass", 'an event a setting names (Ansible)'],
    ["ok = update_password == 'always'", 'a switch'],
    ['UPDATING_PASSWORD = "updating_password"', 'a state name spelled like its field'],
    ['CHANGE_PASSWORD = "changePassword"', 'an action name'],
    ['ACCESS_KEY = "aws_access_key_id"', 'the name of the setting holding the key'],
    ['x = {"agent_token": "fake_token"}', 'a dummy spelled like its key'],
    ['ok = token == "async"', 'a lexer token compared with a keyword'],
    ['problematic_token = "<EOF>"', 'a parser marker, not token-shaped'],
    ['token = "some words here"', 'spaces: not token-shaped'],
    ['ADMIN_PASSWORD = "admin_pass"', 'a key with the noun spelled short (senlin)'],
    ['DB_PASS = "db_passwd"', 'a key with the noun spelled another way'],
    ['K8S_BEARER_TOKEN = "your_k8s_cluster_bearer_token"', 'a placeholder (tacker)'],
    ['password = "<your password>"', 'a placeholder'],
    ['API_KEY = "YOUR-API-KEY"', 'a placeholder'],
    ['barbican_secret = "No secrets found"', 'a sentence about the secret (ceilometer)'],
    ['columns = {"psk": "Pre-shared Key"}', 'a column heading (python-openstackclient)'],
    ['versions = {"v2password": "2.0"}', 'a version number (python-swiftclient)'],
    ['SECURITY_CREDENTIAL = "data/security/credential"', 'a taxonomy path naming the noun (pycadf)'],
    ['labels = {"password": "Admin Password"}', 'a form label'],
    ['_LXC_PWD = "/var/lib/lxc"', 'a working directory (monasca-agent)'],
    ['KEY_PASSWORD = "~/.ssh/id_rsa.pass"', 'a file in the home folder'],
    ['SECRET_FILE = "./conf/secret.key"', 'a file in the working folder'],
  ])('%s is not: %s', (source) => {
    expect(could(source)).toBe(false);
  });

  it('needs a constant string', () => {
    expect(could('password = f"{prefix}-pw"')).toBe(false);
    expect(couldBeCredentialPredicate.checkArg(true)).toBeNull();
    expect(couldBeCredentialPredicate.checkArg('yes')).toMatch(/takes/);
  });
});

describe('could-be-credential: a dict entry sharing its value with a plain key', () => {
  it('is not a credential when a key not named for a secret or an account holds the same value', () => {
    expect(could("x = {'PublicKey': 'keypairs', 'PrivateKey': 'keypairs'}")).toBe(false);
    expect(could("x = {'cert_dir': 'certs', 'private_key': 'certs'}")).toBe(false);
  });

  it('still is when the value is its own, shared with another secret, or the account name', () => {
    expect(could("x = {'PublicKey': 'keypairs', 'PrivateKey': 'kp-s3cret'}")).toBe(true);
    expect(could("x = {'admin_token': 'admin', 'admin_password': 'admin'}")).toBe(true);
    expect(could("x = {'username': 'admin', 'password': 'admin'}")).toBe(true);
    expect(could("x = {'admin_user': 'nova', 'admin_password': 'nova'}")).toBe(true);
    expect(could("x = dict(region='keypairs', password='keypairs')")).toBe(true);
  });
});

describe('could-be-credential: placeholders in square brackets and dunder markers', () => {
  it.each([
    "openstack_admin_password = '[Provide password in config file]'",
    'ssh_pass = "__PROMPT__"',
    "SNAPSHOT_KEY_k8s_secret = 'mode_k8s_secret'",
    '_SAML2_CERT_KEY_SECRET = "keystone-saml2-x509-key-cert"',
    'STORAGE_CA_CERT_SECRET_KEY = "ca.crt"',
    "TLS_SECRET_KEY = 'tls.key'",
    "REGISTRY_SECRET = 'server-cert.pem'",
    "old_obj['password'] = 'fake'",
    'display_data["password"] = "REDACTED"',
    "password = 'masked'",
    "password = 'Dummy'",
  ])('%j is no credential', (source) => {
    expect(could(source)).toBe(false);
  });

  it.each(["password = '[s3cret'", "password = 'Redact3d!'", "password = 'secret'", "password = 'fakeit'", "password = 'dummy42'", "password = 'hunter2.crt9'", "secret = 'aodh.notifier.2024'", 'password = "__init__pw"', "secret = 'k8s4ever'", "password = 's3cr3t_pass2'", "secret = 'cert_key2'"])('%j could be one', (source) => {
    expect(could(source)).toBe(true);
  });
});
