import { mentionsSecret } from '../../../src/rules/predicates/mentions-secret.js';
import { assignedValue } from '../../helpers/parse.js';

/** Runs the predicate on the value of the snippet's last assignment: the `{secret}` it binds, or false. */
const secretIn = (source: string, arg: unknown = true) => {
  const { node, imports } = assignedValue(`${source}\n`);
  const result = mentionsSecret.test(node, arg, { path: 'app.py', imports });
  return typeof result === 'object' ? result.secret : result;
};

describe('mentions-secret', () => {
  it.each([
    ['x = "%s" % password', 'password'],
    ['x = f"token {self.auth_token}"', 'self.auth_token'],
    ['x = "%s" % creds["password"]', 'creds["password"]'],
    ['x = {"user": u, "password": pw}', '"password"'],
    ['x = f(password=pw)', 'pw'],
    ['x = password.encode()', 'password'],
    ['x = self.password.strip().lower()', 'self.password'],
    ['x = password or ""', 'password'],
    ['x = token[:8]', 'token'],
  ])('%s uses %s', (source, secret) => {
    expect(secretIn(source)).toBe(secret);
  });

  it.each([
    ['x = "password set for %s" % user', 'a secret word in a constant string is not a value'],
    ['x = "%s" % token_type', 'token_type is not a secret'],
    ['x = password is None', 'a comparison gives a boolean'],
    ['x = not password', '`not` gives a boolean'],
    ['x = len(password)', 'len() is a sanitizer'],
    ['from oslo_utils import strutils\nx = strutils.mask_password(body % password)', 'mask_password hides what it wraps'],
    ['x = mask_dict_password({"password": pw})', 'a bare imported sanitizer counts too'],
    ['x = generate_password()', 'a callee names what a function does'],
    ['x = self._get_token()', 'a method callee likewise'],
    ['x = credentials.username', 'another field of a secret-named object'],
    ['x = secret.secret_ref', 'a reference, not the secret'],
    ['x = token["expires_at"]', 'another key of a secret-named mapping'],
    ['x = f(token="***")', 'a keyword naming a constant mask'],
    ['x = {"password": "***"}', 'a dict entry holding a constant'],
    ['x = {"credentials": context.to_policy_values()}', 'a call under a secret key is judged by its arguments'],
    ['x = "%s" % next_token', 'a pagination cursor'],
    ['x = "%s at %d" % (token, token.line)', 'a lexer token: its line is read'],
  ])('%s is clean: %s', (source) => {
    expect(secretIn(source)).toBe(false);
  });

  it('judges a call under a secret key by what it is given', () => {
    expect(secretIn('x = {"password": password.decode()}')).toBe('password');
    expect(secretIn('x = {"password": decode(password)}')).toBe('password');
    // The price of sparing `{"credentials": context.to_policy_values()}`.
    expect(secretIn('x = {"password": pw.decode()}')).toBe(false);
  });

  it('treats a bare token as syntax inside parsing code only', () => {
    expect(secretIn('def rev_parse(rev):\n    x = "bad %s" % token')).toBe(false);
    expect(secretIn('def login(rev):\n    x = "bad %s" % token')).toBe('token');
  });

  it('takes a secret key taken out of the dict first, on every path, as the dict redacted', () => {
    // octavia's policy check pops the token before logging the credentials.
    const popped = 'def check(credentials, action):\n    credentials.pop("auth_token", None)\n    x = {"action": action, "credentials": credentials}';
    expect(secretIn(popped)).toBe(false);
    expect(secretIn('def f(credentials):\n    del credentials["password"]\n    x = "%s" % credentials')).toBe(false);
    expect(secretIn('def f(credentials):\n    credentials["token"] = "***"\n    if a:\n        x = "%s" % credentials')).toBe(false);
    // In a branch only, after the read, another name, or a key that is no secret: still the secret.
    expect(secretIn('def f(credentials):\n    if a:\n        credentials.pop("auth_token")\n    x = {"credentials": credentials}')).toBe('"credentials"');
    expect(secretIn('def f(credentials):\n    x = {"credentials": credentials}\n    credentials.pop("auth_token")')).toBe('"credentials"');
    expect(secretIn('def f(credentials, other):\n    other.pop("auth_token")\n    x = {"credentials": credentials}')).toBe('"credentials"');
    expect(secretIn('def f(credentials):\n    credentials.pop("user_id")\n    x = {"credentials": credentials}')).toBe('"credentials"');
  });

  it('takes a secret-named value its function opens as a file for the file\'s path', () => {
    // octavia: the CA private key option is opened, then named in the error raised when that fails.
    const opened = 'def f():\n    with open(CONF.certificates.ca_private_key, "rb") as fp:\n        fp.read()\n    x = "Failed to load {}".format(CONF.certificates.ca_private_key)';
    expect(secretIn(opened)).toBe(false);
    expect(secretIn('import os\ndef f(private_key):\n    os.path.exists(private_key)\n    x = {"private_key": private_key}')).toBe(false);
    expect(secretIn('def f(private_key):\n    open(private_key)\n    x = g(private_key=private_key)')).toBe(false);
    // Another secret beside the path is still found; the content read from a file is the secret.
    expect(secretIn('def f(private_key, password):\n    open(private_key)\n    x = "%s %s" % (private_key, password)')).toBe('password');
    expect(secretIn('def f(path):\n    password = open(path).read()\n    x = "%s" % password')).toBe('password');
  });

  it('passes over a value its message labels an identifier or a name, and finds the next use', () => {
    // python-openstackclient: the credential asked for, named by its ID in the message.
    expect(secretIn('x = _("No credential with ID \'%(credential)s\'") % {"credential": i}')).toBe(false);
    expect(secretIn('x = "ID %s" % (token)')).toBe(false);
    expect(secretIn('x = "ID %s, value %s" % (token, token)')).toBe('token');
    expect(secretIn('x = "ID %(token)s: %(raw)s" % {"token": i, "raw": token}')).toBe('token');
    expect(secretIn('x = "password %s" % (token)')).toBe('token');
  });

  it('takes extra sanitizers', () => {
    expect(secretIn('x = scrub(password)')).toBe('password');
    expect(secretIn('x = scrub(password)', ['scrub'])).toBe(false);
    expect(mentionsSecret.checkArg(['scrub'])).toBeNull();
    expect(mentionsSecret.checkArg('scrub')).toMatch(/takes/);
  });
});

describe('mentions-secret: a conditional expression', () => {
  it('does not count the condition, which only picks a branch', () => {
    expect(secretIn(`x = f"set to {'<redacted>' if keyring_password else '<empty>'}"`)).toBe(false);
    expect(secretIn("x = '%s' % (keyring_password if debug else '<redacted>')")).toBe('keyring_password');
    expect(secretIn("x = '%s' % ('<none>' if not token else token)")).toBe('token');
  });

  it('does not count ALL_CAPS constants nor flags', () => {
    expect(secretIn('x = "%s" % app_op.DOCKER_REGISTRY_SECRET')).toBe(false);
    expect(secretIn('def f(region, clear_token=False):\n    x = "%s %s" % (region, clear_token)')).toBe(false);
    expect(secretIn('import os\nTOKEN = os.environ["T"]\nx = "%s" % TOKEN')).toBe('TOKEN');
  });
});
