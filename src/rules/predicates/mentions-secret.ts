import { DEFAULT_SANITIZERS } from '../../analysis/sanitizers.js';
import { isSecretName } from '../../analysis/secret-names.js';
import { type SyntaxNode, walkDescendants } from '../../analysis/syntax.js';
import type { ImportMap } from '../../analysis/import-map.js';
import { matchesNamePattern } from './name-pattern.js';
import { nameOf } from './is-secret-name.js';
import type { Predicate } from './predicate.js';

/** Subtrees whose value cannot reveal a secret: tests and comparisons give booleans. */
const NEUTRAL_TYPES = new Set(['comparison_operator', 'not_operator', 'boolean_operator', 'lambda']);

/**
 * Finds the first secret-named value used inside `node`: an identifier or attribute (`password`,
 * `self.auth_token`), a subscript by a secret key (`creds['password']`), or a dict entry with a
 * secret key. Calls to a sanitizer (by last name or dotted name) hide what they wrap.
 */
export function findSecretUse(node: SyntaxNode, imports: ImportMap, sanitizers: readonly string[]): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  walkDescendants(node, (n) => {
    if (found) return false;
    if (NEUTRAL_TYPES.has(n.type)) return false;
    switch (n.type) {
      case 'call': {
        const fn = n.childForFieldName('function');
        // A sanitizer hides what it wraps; any other call may return what it is given.
        return !(fn && isSanitizer(fn, imports, sanitizers));
      }
      case 'keyword_argument': {
        // `f(password=x)` passes x; the keyword name itself is the secret's label.
        const value = n.childForFieldName('value');
        const name = n.childForFieldName('name');
        if (name && isSecretName(name.text) && value && !isSanitizedValue(value, imports, sanitizers)) found = value;
        return !found;
      }
      case 'pair': {
        const key = n.childForFieldName('key');
        const value = n.childForFieldName('value');
        const keyName = key ? nameOf(key) : null;
        if (keyName && isSecretName(keyName) && value && !isSanitizedValue(value, imports, sanitizers)) found = n;
        return !found;
      }
      case 'subscript': {
        const index = n.childForFieldName('subscript');
        const keyName = index ? nameOf(index) : null;
        if (keyName && isSecretName(keyName)) found = n;
        return false;
      }
      case 'attribute':
      case 'identifier': {
        const name = nameOf(n);
        if (name && isSecretName(name)) found = n;
        // An attribute's object may itself be secret (`password.encode`): keep looking inside.
        return n.type === 'attribute' && !found;
      }
      default:
        return true;
    }
  });
  return found;
}

function isSanitizer(callee: SyntaxNode, imports: ImportMap, sanitizers: readonly string[]): boolean {
  const qualified = imports.qualifiedName(callee);
  if (!qualified) return false;
  const last = qualified.slice(qualified.lastIndexOf('.') + 1);
  return matchesNamePattern(qualified, sanitizers) || matchesNamePattern(last, sanitizers);
}

function isSanitizedValue(value: SyntaxNode, imports: ImportMap, sanitizers: readonly string[]): boolean {
  if (value.type === 'none' || value.type === 'true' || value.type === 'false') return true;
  if (value.type === 'string' && !value.namedChildren.some((c) => c.type === 'interpolation')) return true;
  const fn = value.type === 'call' ? value.childForFieldName('function') : null;
  return fn !== null && isSanitizer(fn, imports, sanitizers);
}

/**
 * The captured expression uses a secret-named value not wrapped in a sanitizer. Binds `{secret}` to
 * the code naming it (never its value). The argument lists extra sanitizers, or is `true`.
 */
export const mentionsSecret: Predicate = {
  name: 'mentions-secret',
  description:
    'The captured expression uses a secret-named value (`password`, `self.auth_token`, `creds["password"]`, `{"password": pw}`) that is not wrapped in a sanitizer such as oslo_utils `strutils.mask_password`; binds `{secret}` to the name found. Takes `true`, or a list of extra sanitizer names.',
  binds: ['secret'],
  checkArg: (arg) =>
    arg === true || (Array.isArray(arg) && arg.every((x) => typeof x === 'string')) ? null : 'takes `true` or a list of sanitizer names',
  test(node, arg, ctx) {
    const sanitizers = Array.isArray(arg) ? [...DEFAULT_SANITIZERS, ...(arg as string[])] : DEFAULT_SANITIZERS;
    const found = findSecretUse(node, ctx.imports, sanitizers);
    if (!found) return false;
    const label = found.type === 'pair' ? found.childForFieldName('key')!.text : found.text;
    return { secret: label.replace(/\s+/g, ' ') };
  },
};
