import { nameWords } from '../../analysis/secret-names.js';
import { stringValue } from '../../analysis/string-literal.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { nameOf } from './is-secret-name.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Words that mark a value as the second typing of another: `confirm_password`, `password_confirmation`, `repeat_password`, `retyped`. */
const CONFIRMATION_WORD = /^(confirm|repeat|retype|reenter|again|rep$)/;
/** A password being set (`new_password`, `new_passwd`, `newpass`): compared with the old one or its repeat, both typed by the user. */
const NEW_SECRET = /^new_?(pass(word|wd|phrase)?|pwd)$|^new$/;
/** What users type twice: a confirmed token or key (`confirmation_token`, an e-mail link's) is the server's secret, not a second typing. */
const TYPED_SECRET_WORD = /^(pass(word|wd|phrase)?|pwd|pin)$/;
/** A secret's second field written with a digit or the word: `password2`, `new_passwd_2`, `pwd2`, `passtwo` (kolla-cli's). */
const SECOND_FIELD = /(pass(word|wd|phrase)?|pwd)[^a-z0-9]?(2|two)$/i;

/**
 * The name an expression is read under: a name's, an attribute's, a subscript's constant key
 * (`data['confirm_password']`), or the key of a `.get('confirm_password', …)` lookup.
 */
function readName(node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  if (n.type === 'subscript') {
    const key = n.childForFieldName('subscript');
    return key?.type === 'string' ? stringValue(key) : null;
  }
  if (n.type === 'call') {
    const callee = n.childForFieldName('function');
    const first = n.childForFieldName('arguments')?.namedChildren[0];
    const isGet = callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'get';
    return isGet && first?.type === 'string' ? stringValue(first) : null;
  }
  return nameOf(n);
}

/**
 * True when `name` names the confirmation of a password the user typed twice: a confirmation word
 * alone (`confirm`) or with a password word (`confirm_password`, `new_password_again`,
 * `rep_passwd`), a password word followed by 2 or `two` (`password2`, `passtwo`), or a new password being set
 * (`new_password`, `new_passwd`), which the user typed too.
 */
export function isConfirmationName(name: string): boolean {
  if (SECOND_FIELD.test(name)) return true;
  const words = nameWords(name);
  // python-keystoneclient: `old_password == new_password`, `new_passwd == rep_passwd`.
  if (NEW_SECRET.test(name.toLowerCase()) || (words[0] === 'new' && words.slice(1).some((w) => TYPED_SECRET_WORD.test(w)))) return true;
  if (!words.some((w) => CONFIRMATION_WORD.test(w))) return false;
  return words.every((w) => CONFIRMATION_WORD.test(w)) || words.some((w) => TYPED_SECRET_WORD.test(w));
}

/**
 * The capture is read under a name that marks it as a value typed a second time to confirm the
 * first (`confirm`, `confirm_password`, `password_confirmation`, `data['repeat_password']`,
 * `cleaned_data.get('password2')`): a form's "do they match" check of two values the same user
 * typed, which leaks nothing by its timing.
 */
export const namesConfirmation: Predicate = {
  name: 'names-confirmation',
  description:
    "The captured name, attribute, constant-key subscript or `.get('key')` lookup is named as a confirmation: a word starting confirm, repeat, retype, reenter or again (or `rep`), alone or with a password word (`confirm`, `confirm_password`, `password_confirmation`, `repeat_password`, `rep_passwd`), a password word followed by 2 or `two` (`password2`, `passtwo`), or a new password being set (`new_password`, `new_passwd`); not a confirmation token or key, which the server holds.",
  checkArg: expectTrue,
  test(node) {
    const name = readName(node);
    return name !== null && isConfirmationName(name);
  },
};
