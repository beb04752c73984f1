import { isCodeConstant } from '../../analysis/code-constant.js';
import { DEFAULT_SANITIZERS } from '../../analysis/sanitizers.js';
import { isSecretName, nameWords, SECRET_NAME_TEXT } from '../../analysis/secret-names.js';
import { isSyntaxToken } from '../../analysis/syntax-token.js';
import { type SyntaxNode, walkDescendants } from '../../analysis/syntax.js';
import type { ImportMap } from '../../analysis/import-map.js';
import { labelledAsIdentifier } from './labelled-as-identifier.js';
import { matchesNamePattern } from './name-pattern.js';
import { isBooleanFlag } from './is-boolean-flag.js';
import { nameOf } from './is-secret-name.js';
import type { Predicate } from './predicate.js';
import { policyValuesBefore } from './policy-values-before.js';
import { redactedBefore } from './redacted-before.js';
import { isSplitToken } from './split-token.js';
import { iteratesNames } from './iterates-names.js';
import { usedAsName } from './used-as-name.js';
import { usedAsPath } from './used-as-path.js';

/**
 * Subtrees whose value cannot reveal a secret: comparisons and `not` give booleans. (`and`/`or`
 * are not neutral: `password or ''` is the password.)
 */
const NEUTRAL_TYPES = new Set(['comparison_operator', 'not_operator', 'lambda']);

/**
 * Finds the first secret-named value used inside `node`: an identifier or attribute (`password`,
 * `self.auth_token`), a subscript by a secret key (`creds['password']`), or a dict entry with a
 * secret key. Calls to a sanitizer (by last name or dotted name) hide what they wrap; callee and
 * keyword names, other fields of a secret-named object and a parser's tokens (a loop's over the
 * pieces of a split text too, see isSplitToken) are not values, nor is a loop's variable over a
 * collection of names (`for password in PASSWORD_PARAMETER_NAMES`, see iteratesNames); a name or
 * attribute its function gives `open()` or another file call as the path names a file, one it gives a function of the
 * file as a name (`drop_named_database(resource.db_token)`, see usedAsName) names something, and a
 * value (or dict entry) a message template labels an identifier or a name (`"ID '%(credential)s'"`)
 * is one.
 */
export function findSecretUse(node: SyntaxNode, imports: ImportMap, sanitizers: readonly string[]): SyntaxNode | null {
  // Every name it can find holds this text (see `condition` below): most nodes asked about (a
  // logging call's arguments) hold none, and are answered without a walk.
  if (!SECRET_NAME_TEXT.test(node.text)) return null;
  let found: SyntaxNode | null = null;
  walkDescendants(node, (n) => {
    if (found) return false;
    if (NEUTRAL_TYPES.has(n.type)) return false;
    switch (n.type) {
      case 'call': {
        const fn = n.childForFieldName('function');
        // `body.replace(client_secret, "***")` takes the secret out of the text: only the text is looked at.
        const text = replacedOut(n);
        if (text) {
          found = findSecretUse(text, imports, sanitizers);
          return false;
        }
        // A sanitizer hides what it wraps; any other call may return what it is given.
        return !(fn && isSanitizer(fn, imports, sanitizers));
      }
      case 'conditional_expression': {
        // `'<redacted>' if password else '<empty>'`: the condition picks a branch, its value is not the result.
        const [consequence, condition, alternative] = n.namedChildren.filter((c) => c.type !== 'comment');
        for (const branch of [consequence, alternative]) if (branch && !found && !(condition && takenOnlyWhenEmpty(branch, condition, branch === alternative))) found = findSecretUse(branch, imports, sanitizers);
        return false;
      }
      case 'keyword_argument': {
        // `f(password=x)` passes x; the keyword name itself is the secret's label.
        const value = n.childForFieldName('value');
        const name = n.childForFieldName('name');
        // `credential=key` of `for key, value in credentials.items()`: the credential's name (iteratesNames).
        if (name && isSecretName(name.text) && value && isPlainValue(value, imports) && !usedAsPath(value, imports) && !usedAsName(value, imports) && !(value.type === 'identifier' && iteratesNames(value, imports))) found = value;
        return !found;
      }
      case 'pair': {
        const key = n.childForFieldName('key');
        const value = n.childForFieldName('value');
        const keyName = key ? nameOf(key) : null;
        // `{'credentials': credentials}` after `credentials.pop('auth_token')`: redacted first; or
        // after `credentials = context.to_policy_values()`: roles and ids.
        if (keyName && isSecretName(keyName) && value && isPlainValue(value, imports) && !(value.type === 'identifier' && (redactedBefore(value) || policyValuesBefore(value))) && !usedAsPath(value, imports) && !usedAsName(value, imports) && !labelledAsIdentifier(n, imports)) found = n;
        return !found;
      }
      case 'subscript': {
        const index = n.childForFieldName('subscript');
        const keyName = index ? nameOf(index) : null;
        if (keyName && isSecretName(keyName) && !labelledAsIdentifier(n, imports)) found = n;
        // A slice of a secret is part of it (`token[:8]`); another key of a secret-named mapping
        // is another field (`token['expires_at']`).
        return !found && index?.type === 'slice';
      }
      case 'attribute':
      case 'identifier': {
        // The name part of `obj.attr` was judged with the attribute itself.
        if (isAttributeName(n)) return false;
        // A callee's name says what a function does, not what value it holds (`generate_password()`);
        // a keyword's name is a label (`token='***'` shows no token).
        const callee = isCallee(n);
        const name = nameOf(n);
        // A secret-named option or name its function opens as a file holds the file's path (usedAsPath);
        // one it gives a function of the file as a name is a name (usedAsName); one the message
        // labels an identifier (`"ID '%s'"`) is one (labelledAsIdentifier).
        if (!callee && !isKeywordName(n) && name && isSecretName(name) && !isCodeConstant(n, imports) && !isSyntaxToken(n, imports) && !isSplitToken(n, imports) && !(n.type === 'identifier' && (redactedBefore(n) || policyValuesBefore(n) || iteratesNames(n, imports) || isBooleanFlag(n))) && !usedAsPath(n, imports) && !usedAsName(n, imports) && !labelledAsIdentifier(n, imports)) found = n;
        // A method called on a secret derives from it (`password.encode()`); reading another
        // field of a secret-named object does not (`credentials.username`, `secret.secret_ref`).
        // A method named for an identifier the object holds returns that, as reading the field would
        // (`token.to_urn()`, `token.get_user_id()`; trovi logs the token's user URN).
        return n.type === 'attribute' && callee && !found && !namesIdentifier(n.childForFieldName('attribute')?.text ?? '');
      }
      default:
        return true;
    }
  });
  return found;
}

/**
 * The text of `text.replace(old, "***")` when what replaces `old` is a constant string: the call
 * takes `old` out (jupyterhub-chameleon logs a token request's body with its client secret
 * replaced), so only the text can reveal anything. Null for any other call.
 */
function replacedOut(call: SyntaxNode): SyntaxNode | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'replace') return null;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const mask = args[1];
  if (args.length < 2 || args.length > 3 || mask?.type !== 'string' || mask.namedChildren.some((c) => c.type === 'interpolation')) return null;
  return fn.childForFieldName('object');
}

/**
 * Last words of a method that returns what identifies an object, not the object: `to_urn`,
 * `get_user_id`, `subject`, `get_roles`.
 */
const IDENTIFYING_WORDS = new Set(['id', 'ids', 'uuid', 'urn', 'name', 'username', 'subject', 'issuer', 'audience', 'roles', 'scope', 'scopes']);

/** True when a method's name ends in a word for what identifies an object (see IDENTIFYING_WORDS). */
function namesIdentifier(method: string): boolean {
  const words = nameWords(method);
  return words.length > 0 && IDENTIFYING_WORDS.has(words[words.length - 1]!);
}

/**
 * True when a conditional's branch is the value tested and is chosen only when that value is
 * falsy, so it holds nothing (`'*****' if password else password`, trovi's error text; `password
 * if not password else '***'`).
 */
function takenOnlyWhenEmpty(branch: SyntaxNode, condition: SyntaxNode, isAlternative: boolean): boolean {
  const tested = condition.type === 'not_operator' ? condition.childForFieldName('argument') : condition;
  if (!tested || !(tested.type === 'identifier' || tested.type === 'attribute') || tested.text !== branch.text) return false;
  return condition.type === 'not_operator' ? !isAlternative : isAlternative;
}

/** True when `node` is the function part of a call: `f` in `f(x)`, `a.b` in `a.b(x)`. */
function isCallee(node: SyntaxNode): boolean {
  const parent = node.parent;
  const fn = parent?.type === 'call' ? parent.childForFieldName('function') : null;
  return fn !== null && fn.startIndex === node.startIndex && fn.endIndex === node.endIndex;
}

/** True when `node` is the name part of an attribute: `password` in `self.password`. */
function isAttributeName(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'attribute' && parent.childForFieldName('attribute')?.startIndex === node.startIndex;
}

/** True when `node` is the name of a keyword argument: `token` in `f(token='***')`. */
function isKeywordName(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.startIndex === node.startIndex;
}

function isSanitizer(callee: SyntaxNode, imports: ImportMap, sanitizers: readonly string[]): boolean {
  const qualified = imports.qualifiedName(callee);
  if (!qualified) return false;
  const last = qualified.slice(qualified.lastIndexOf('.') + 1);
  return matchesNamePattern(qualified, sanitizers) || matchesNamePattern(last, sanitizers);
}

/**
 * True when a value stored under a secret label counts as the secret itself: not a constant, and
 * not a call, whose result is judged by what it is given instead — `{'credentials':
 * context.to_policy_values()}` holds roles and ids, `{'password': password.decode()}` is still
 * found through `password` (but `{'password': pw.decode()}` is missed), and a sanitizer's result
 * is clean.
 */
function isPlainValue(value: SyntaxNode, imports: ImportMap): boolean {
  if (value.type === 'none' || value.type === 'true' || value.type === 'false') return false;
  // `{'secret': constants.SERVICE_PARAM_NAME_DRBD_SECRET}`: an ALL_CAPS constant holds what the code says (isCodeConstant).
  if (isCodeConstant(value, imports)) return false;
  if (value.type === 'string' && !value.namedChildren.some((c) => c.type === 'interpolation')) return false;
  return value.type !== 'call';
}

/**
 * The captured expression uses a secret-named value not wrapped in a sanitizer. Binds `{secret}` to
 * the code naming it (never its value). The argument lists extra sanitizers, or is `true`.
 */
export const mentionsSecret: Predicate = {
  name: 'mentions-secret',
  description:
    'The captured expression uses a secret-named value (`password`, `self.auth_token`, `creds["password"]`, `{"password": pw}`) that is not wrapped in a sanitizer such as oslo_utils `strutils.mask_password`; callee names (`generate_password()`), keyword names, other fields of a secret-named object (`credentials.username`), a parser\'s tokens (see `is-syntax-token`; and a `token` looping over the pieces of a split text with no secret in it: `for token in query.split(",")`, or bound to a slice of a path: `token = path[cursor + 1:next_pos]`), a loop\'s variable over a collection of names (`for password in PASSWORD_PARAMETER_NAMES`, see `iterates-names`), a name or attribute the same function opens as a file (`open(CONF.ssl.private_key)`, see `used-as-path`) or gives a function of the same file as a name (`drop_named_database(resource.db_token)` with `def drop_named_database(self, ident)`, see `used-as-name`) and a value or dict entry a `%` template labels an identifier or a name (`"ID \'%(credential)s\'"`, see `labelled-as-identifier`) do not count. Binds `{secret}` to the name found. Takes `true`, or a list of extra sanitizer names.',
  binds: ['secret'],
  checkArg: (arg) =>
    arg === true || (Array.isArray(arg) && arg.every((x) => typeof x === 'string')) ? null : 'takes `true` or a list of sanitizer names',
  // Every use it finds is a name inside the node that isSecretName accepts.
  condition: () => ({ kind: 'regex', source: SECRET_NAME_TEXT.source, flags: SECRET_NAME_TEXT.flags }),
  test(node, arg, ctx) {
    const sanitizers = Array.isArray(arg) ? [...DEFAULT_SANITIZERS, ...(arg as string[])] : DEFAULT_SANITIZERS;
    const found = findSecretUse(node, ctx.imports, sanitizers);
    if (!found) return false;
    const label = found.type === 'pair' ? found.childForFieldName('key')!.text : found.text;
    return { secret: label.replace(/\s+/g, ' ') };
  },
};
