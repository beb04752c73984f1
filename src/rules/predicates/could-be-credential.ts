import { isSecretName, nameWords } from '../../analysis/secret-names.js';
import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { nameOf } from './is-secret-name.js';
import { expectTrue, type Predicate } from './predicate.js';

/**
 * A string that reads as a name, not a password: words of letters and separators (a path's `/`
 * too); digits inside or at the end of a word that another follows, as in `k8s`, `saml2`, `x509`
 * (StarlingX's `'mode_k8s_secret'`, sunbeam's `"keystone-saml2-x509-key-cert"`), never at the end
 * of the whole (`'password123'`).
 */
const NAME_LIKE = /^[A-Za-z]+(?:\d+[A-Za-z]+)*(?:\d*[_.:/-]+[A-Za-z]+(?:\d+[A-Za-z]+)*)*[_.:/-]*$/;

/** Some letter or digit outside an escape: not "", "***" (a mask) or "\r\n" (a delimiter). */
const HAS_CONTENT = /^(?!(?:\\[A-Za-z0-9]|[^A-Za-z0-9])*$)/;

/** A mask with a word in it: `'**SECRET**'`, `'<redacted>'`, `'***hidden***'` (designate masks a password before logging). */
const WORDED_MASK = /^(?:\*{2,}|<)\s*(?:secret|redacted|hidden|masked|removed|filtered|password|sanitized)\s*(?:\*{2,}|>)?$/i;

/** A word that says the value was taken out, bare (sunbeam's `display_data["password"] = "REDACTED"` before logging the relation data). */
const BARE_MASK = /^(?:redacted|masked|hidden|removed|filtered|sanitized|obfuscated|censored)$/i;

/** Qualifiers that make `<qualifier>_token` a credential whatever its value looks like: `admin_token = 'ADMIN'`. */
const CREDENTIAL_TOKENS = new Set([
  'admin', 'auth', 'access', 'api', 'refresh', 'bearer', 'session', 'csrf', 'xsrf', 'secret', 'private', 'service',
  'oauth', 'id', 'bot', 'personal', 'github', 'gitlab', 'slack', 'registration', 'reset', 'security', 'user',
]);

/** What any other token (a lexer's, a parser's, a cursor) must look like to be a credential: no spaces, 8+ characters, a digit or 16+. */
const TOKEN_SHAPED = /^(?=\S{8,}$)(?=.*\d|.{16,})/;

/**
 * A placeholder that tells the reader to put their own in: `"your_k8s_cluster_bearer_token"`,
 * `'<your password>'`, `YOUR-API-KEY`, anything in angle brackets (iotronic's
 * `"<REGISTRATION-TOKEN>"`) or square ones (f5-openstack-agent's `'[Provide password in config
 * file]'`), and a dunder marker a program tests for (StarlingX's `ssh_pass == "__PROMPT__"`).
 */
const PLACEHOLDER = /^(?:<?\s*your[\s_-]|<[^<>]{1,60}>$|\[[^[\]]{1,60}\]$|__[A-Z][A-Z0-9_]{0,40}__$)/i;

/** A dotted version number: swiftclient's `{'v2password': '2.0'}` maps auth plugins to API versions. */
const VERSION = /^v?\d+(?:\.\d+)+$/;
/** A reference to a value kept elsewhere, whole: a shell or environment variable, upper-case when bare (`'$OS_PASSWORD_INPUT'`, not `'$ecret'`; `'${DB_PASSWORD}'`, openrc's prompt placeholder), a Jinja field (`'{{ admin_password }}'`). */
/** Words only, saying the value is not used: `"required-but-not-used"` (an API client's key for a local server that ignores it), `"unused"`, `"ignored"`. */
const SAYS_UNUSED = /^[a-z\s_-]*(?:not[\s_-]*(?:used|needed|required)|unused|ignored)[a-z\s_-]*$/i;
const VARIABLE_REFERENCE = /^(?:\$[A-Z_][A-Z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\{\{\s*[\w.]+\s*\}\})$/;

/**
 * A file system path of two or more parts, absolute, relative to the home or the working folder:
 * monasca's `_LXC_PWD = '/var/lib/lxc'` (a working directory, not a password). One part alone
 * (`'/Adm1n'`) may still be a password.
 */
const FILE_PATH = /^(?:~|\.{1,2})?\/[\w.-]+(?:\/[\w.-]+)+\/?$/;

/**
 * A prompt a session waits for, one or a few words (no digits) and a colon: networking-brocade's telnet
 * connector reads until `LOGIN_USER_TOKEN = "Name:"`, then until `LOGIN_PASS_TOKEN = "Password:"`.
 */
const PROMPT = /^[A-Za-z][A-Za-z _-]{0,30}:\s*$/;

/** An event a setting names: Ansible's `update_password='on_create'` (set the password only when the user is created). */
const EVENT = /^on_[a-z]+(?:_[a-z]+)*$/;

/**
 * The file name of a key or certificate: StarlingX's `STORAGE_CA_CERT_SECRET_KEY = "ca.crt"`, the
 * entry of a Kubernetes TLS Secret the certificate is kept under (`tls.key`, `ca.crt`), not a key.
 */
const KEY_FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:crt|pem|key|cert|cer|der|p12|pfx|jks|csr|pub|keytab)$/i;

/** This predicate's regexes, for the backtracking test. */
export const CREDENTIAL_REGEXES = { NAME_LIKE, HAS_CONTENT, TOKEN_SHAPED, PLACEHOLDER, VARIABLE_REFERENCE, SAYS_UNUSED, VERSION, FILE_PATH, EVENT, PROMPT, KEY_FILE_NAME, BARE_MASK };

/**
 * Words that make a name-like value a name: `CONF_PWD = "san_password"` (a config option's name),
 * `CHAP_SECRET_KEY = "PURE_TARGET_CHAP_SECRET"` (an environment variable's), `STYLE_LOGIN_PASSWORD =
 * 'basic_auth'` (an enum value); all three false alarms of the noise audit (docs/noise.md).
 */
const NAMING_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'key', 'auth', 'credential', 'credentials', 'login', 'cert', 'certificate', 'apikey', 'passphrase']);

/** Short spellings of a password noun, read as the noun when a name-like value is matched to its target's: `ADMIN_PASSWORD = 'admin_pass'` (senlin's property names). */
const PASSWORD_SPELLINGS = new Set(['pass', 'passwd', 'pwd', 'password']);

/**
 * Values that mean "no value" or a switch, not a credential: `always` and `never` are when-to
 * settings (Ansible's `update_password: always`); `fake` and `dummy` say they are none (SAP's
 * LDAP backend writes `old_obj['password'] = 'fake'` so that the update replaces the attribute).
 */
const SENTINELS = new Set(['none', 'null', 'nil', 'true', 'false', 'yes', 'no', 'on', 'off', 'undefined', 'unset', 'empty', 'disabled', 'default', 'always', 'never', 'fake', 'dummy']);

/**
 * The name a value is given to: an assignment's target (or its subscript key), a parameter or
 * keyword name, a dict key, or the other side of a comparison.
 */
function targetOf(value: SyntaxNode): SyntaxNode | null {
  const parent = value.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'assignment': {
      const left = parent.childForFieldName('left');
      return left?.type === 'subscript' ? left.childForFieldName('subscript') : left;
    }
    case 'default_parameter':
    case 'typed_default_parameter':
    case 'keyword_argument':
      return parent.childForFieldName('name');
    case 'pair':
      return parent.childForFieldName('key');
    case 'comparison_operator':
      return parent.namedChildren.find((c) => c.startIndex !== value.startIndex) ?? null;
    default:
      return null;
  }
}

/**
 * True when the constant string `value` could be a credential for the name it is given to. Not:
 * empty strings, masks, placeholders (`'your_api_token'`), delimiters, one- or two-character flags, sentinels and switches (`'NONE'`, `'always'`), events (`'on_create'`); names
 * with the target's own noun (or, for a password, its short spelling: `admin_pass`) or another credential word in them (`san_password`, `basic_auth`), which are keys, labels and dummies (`UPDATING_PASSWORD =
 * 'updating_password'`, `ACCESS_KEY = 'aws_access_key_id'`, `{'agent_token': 'fake_token'}`); and
 * for a token that is not plainly a credential (`token`, `problematic_token`: often a lexer's), values
 * not shaped like one (`token == 'async'`, `problematic_token = '<EOF>'`).
 * `password = 'changeme'` and `admin_token = 'ADMIN'` are.
 */
export function couldBeCredential(value: SyntaxNode): boolean {
  const text = stringValue(value);
  if (text === null || text.length < 3 || !HAS_CONTENT.test(text) || SENTINELS.has(text.toLowerCase()) || WORDED_MASK.test(text) || BARE_MASK.test(text) || PLACEHOLDER.test(text) || VARIABLE_REFERENCE.test(text) || SAYS_UNUSED.test(text) || VERSION.test(text) || FILE_PATH.test(text) || KEY_FILE_NAME.test(text) || EVENT.test(text) || PROMPT.test(text)) return false;
  if (sharedWithPlainKey(value, text)) return false;
  const target = targetOf(value);
  const targetWords = nameWords((target && nameOf(target)) ?? '');
  const noun = targetWords[targetWords.length - 1];
  if (NAME_LIKE.test(text)) {
    const words = nameWords(text);
    if (noun !== undefined && words.includes(noun)) return false;
    // A key spelled with the noun's short form (`ADMIN_PASSWORD = 'admin_pass'`); a single word
    // (`password = 'pass'`) is still a password.
    if (words.length > 1 && noun !== undefined && PASSWORD_SPELLINGS.has(noun) && words.some((w) => PASSWORD_SPELLINGS.has(w))) return false;
    if (words.length > 1 && words.some((w) => NAMING_WORDS.has(w))) return false;
  }
  // A sentence or a label about the secret, not the secret: `barbican_secret = "No secrets found"`,
  // `{'psk': 'Pre-shared Key'}` (a column's heading).
  if (/\s/.test(text.trim())) {
    const words = nameWords(text);
    if (noun !== undefined && words.some((w) => w === noun || w === `${noun}s`)) return false;
    if (words.length > 1 && words.some((w) => NAMING_WORDS.has(w))) return false;
  }
  if (noun === 'token' && !CREDENTIAL_TOKENS.has(targetWords[targetWords.length - 2] ?? '')) return TOKEN_SHAPED.test(text);
  return true;
}

/**
 * A dict entry's value that the same dict gives a key not named for a secret (nor for an account)
 * too: a category or a folder, not a credential (pegleg's `{'PublicKey': 'keypairs', 'PrivateKey': 'keypairs'}`
 * maps document kinds to the folders they are kept in). A credential is the secret's own.
 */
function sharedWithPlainKey(value: SyntaxNode, text: string): boolean {
  const pair = value.parent;
  const dict = pair?.type === 'pair' ? pair.parent : null;
  if (dict?.type !== 'dictionary') return false;
  return dict.namedChildren.some((other) => {
    if (other.type !== 'pair' || other.id === pair!.id) return false;
    const otherValue = other.childForFieldName('value');
    if (otherValue?.type !== 'string' || stringValue(otherValue) !== text) return false;
    const key = other.childForFieldName('key');
    const name = key ? nameOf(key) : null;
    if (name === null || isSecretName(name)) return false;
    // The account's own name often is its password (`{'username': 'admin', 'password': 'admin'}`).
    return !IDENTITY_WORDS.has(nameWords(name).pop() ?? '');
  });
}

/** Last words of a key naming whom a credential belongs to: a password equal to it is still a password. */
const IDENTITY_WORDS = new Set(['user', 'username', 'login', 'name', 'account', 'id', 'userid', 'uid', 'tenant', 'project', 'owner', 'principal', 'email']);

/** The captured constant string could be a credential for the name it is assigned, passed, stored under or compared with. */
export const couldBeCredentialPredicate: Predicate = {
  name: 'could-be-credential',
  description:
    'The captured constant string could be a credential for the name it is assigned, passed, stored under or compared with: not empty, a mask (`***`, `**SECRET**`, `<redacted>`, a bare `REDACTED`), a placeholder (`your_api_token`, `<REGISTRATION-TOKEN>`), a reference to a variable, whole (`\'$OS_PASSWORD_INPUT\'`, `\'${DB_PASSWORD}\'`, `\'{{ admin_password }}\'`), words saying the value is not used (`\'required-but-not-used\'`, `\'unused\'`), a version number (`\'2.0\'`), a file path of two or more parts (`\'/var/lib/lxc\'`), a key or certificate file\'s name (`\'ca.crt\'`, `\'tls.key\'`: the entry of a Kubernetes TLS Secret), a delimiter, a one- or two-character flag, a sentinel or switch (`NONE`, `true`, `always`, `fake`, `dummy`) or an event a setting names (`\'on_create\'`), a prompt a session waits for (`LOGIN_USER_TOKEN = "Name:"`), a dict entry\'s value the same dict gives a key not named for a secret or an account (`{\'PublicKey\': \'keypairs\', \'PrivateKey\': \'keypairs\'}`); not a name, a sentence or a label containing the target\'s own noun or another credential word (`"No secrets found"`, `\'Pre-shared Key\'`, `UPDATING_PASSWORD = \'updating_password\'`, `ACCESS_KEY = \'aws_access_key_id\'`, a password\'s short spelling: `ADMIN_PASSWORD = \'admin_pass\'`); and for a token not plainly a credential (`token`, `problematic_token`: often a lexer\'s; `admin_token` is plainly one), shaped like one — no spaces, 8+ characters, a digit or 16+.',
  checkArg: expectTrue,
  test: (node) => couldBeCredential(node),
};
