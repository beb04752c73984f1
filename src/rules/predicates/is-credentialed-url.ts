import { isSecretName } from '../../analysis/secret-names.js';
import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { unwrapParens } from '../../analysis/syntax.js';
import type { TextCondition } from '../text-condition.js';
import { partOfProse } from './part-of-prose.js';
import { expectTrue, type Predicate } from './predicate.js';

/**
 * One URL, the whole string, with a `user:password@` part: a scheme (or a placeholder for one),
 * then a user and a password with no space, slash or quote in them. Placeholders a value is
 * formatted into (`%s`, `%(pw)s`, `{}`, `{pw}`) count; masks (`***`, `xxx`) and documentation
 * templates (`<password>`, `$PASS`) do not.
 */
const CREDENTIALED_URL = /^(?:[A-Za-z][A-Za-z0-9+.-]*|%s|%\(\w+\)s|\{\w*\}):\/\/[^\s/:@'"<>$]+:(?!(?:\*+|[xX]+)@)[^\s/@'"<>$]+@[^\s@'"]*$/;

/** Text every such string contains, as written in the file: the `://user:password@` part. */
const CONDITION: TextCondition = { kind: 'regex', source: `://[^\\s/:@'"]+:[^\\s/@'"]+@`, flags: '' };

/** The text of a string literal between its quotes as written (f-string fields included), or null for another node. */
function writtenContent(node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  if (n.type !== 'string') return null;
  const text = n.text;
  // Most strings a source list meets hold no URL with a password: no children are read for them.
  if (!text.includes('@') || !text.includes('://')) return null;
  const start = n.children.find((c) => c.type === 'string_start');
  const end = n.children.find((c) => c.type === 'string_end');
  if (!start || !end) return null;
  return text.slice(start.endIndex - n.startIndex, end.startIndex - n.startIndex);
}

/** True for a string literal that is one URL with a password in it, or the template one is formatted from (`'amqp://%s:%s@%s/'`, `f'{scheme}://{user}:{pw}@{host}'`). */
export function isCredentialedUrl(node: SyntaxNode): boolean {
  const content = writtenContent(node);
  return content !== null && CREDENTIALED_URL.test(content) && !partOfProse(node) && !passwordFilledInPlace(node, content);
}

/** The `:password@` part of a URL: what stands between the user's colon and the `@`. */
const PASSWORD_PART = /:\/\/[^\s/:@'"<>$]+:([^\s/@'"<>$]+)@/;

/**
 * A template whose password slot is filled where it is written, by a mask (`'***'`, `''`,
 * `None`) or by a parameter of its function named for a secret: then the template is not what
 * carries the secret. A trace finds the parameter itself (a source by its name), or finds it
 * bound, at the call it entered the function by, to a mask (`_get_url(host, user,
 * password='*****')`, the URL a client logs). Positional (`%s`, `{}`, `{0}`) and named
 * (`%(pw)s`, `{pw}`) slots of `%` and `.format`, and f-string fields, are read.
 */
function passwordFilledInPlace(node: SyntaxNode, content: string): boolean {
  const part = PASSWORD_PART.exec(content);
  if (!part) return false;
  const slot = part[1]!;
  const at = part.index + part[0].length - 1 - slot.length;
  const filler = fillerOf(unwrapParens(node), content, slot, at);
  return filler !== null && (isMask(filler) || isSecretParameter(filler));
}

function fillerOf(template: SyntaxNode, content: string, slot: string, at: number): SyntaxNode | null {
  // An f-string's field: the interpolation standing where the slot is.
  const opened = template.children.find((c) => c.type === 'string_start');
  const field = opened && template.namedChildren.find((c) => c.type === 'interpolation' && c.startIndex === opened.endIndex + at);
  if (field) return field.childForFieldName('expression');
  const parent = template.parent;
  if (parent?.type === 'binary_operator' && parent.childForFieldName('left')?.id === template.id && parent.childForFieldName('operator')?.type === '%') {
    const right = unwrapParens(parent.childForFieldName('right')!);
    const named = /^%\((\w+)\)[sr]$/.exec(slot);
    if (named) {
      if (right.type !== 'dictionary') return null;
      const pair = right.namedChildren.find((p) => p.type === 'pair' && stringValue(p.childForFieldName('key')!) === named[1]);
      return pair?.childForFieldName('value') ?? null;
    }
    if (!/^%[sr]$/.test(slot)) return null;
    // The slot's position among the conversions before it (`%%` is none).
    const index = (content.slice(0, at).match(/%(?:%|\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]/g) ?? []).filter((c) => c !== '%%').length;
    if (right.type === 'tuple') return right.namedChildren.filter((c) => c.type !== 'comment')[index] ?? null;
    return index === 0 ? right : null;
  }
  const call = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'format' ? parent.parent : null;
  if (call?.type !== 'call') return null;
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c.type !== 'comment');
  const brace = /^\{(\w*)\}$/.exec(slot);
  if (!brace) return null;
  const name = brace[1]!;
  if (/^[A-Za-z_]\w*$/.test(name)) {
    const keyword = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
    return keyword?.childForFieldName('value') ?? null;
  }
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  if (positional.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return null;
  const index = name === '' ? (content.slice(0, at).match(/\{\}/g) ?? []).length : Number(name);
  return positional[index] ?? null;
}

/** A constant written over a password: `'***'`, `'xxx'`, `''`, `None`. */
function isMask(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type === 'none') return true;
  const value = n.type === 'string' ? stringValue(n) : null;
  return value !== null && /^[*xX]*$/.test(value);
}

/** A name that is a parameter, named for a secret, of the function the template is written in. */
function isSecretParameter(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'identifier' || !isSecretName(n.text)) return false;
  let fn = n.parent;
  while (fn && fn.type !== 'function_definition' && fn.type !== 'lambda') fn = fn.parent;
  const parameters = fn?.childForFieldName('parameters');
  if (!parameters) return false;
  return parameters.namedChildren.some((p) => (p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier'))?.text === n.text);
}

/** The capture is a string literal that is one URL with a `user:password@` part (a placeholder for the password counts, a mask does not). */
export const isCredentialedUrlPredicate: Predicate = {
  name: 'is-credentialed-url',
  description:
    'The captured string literal is, as a whole, one URL with a `user:password@` part (`\'rabbit://nova:s3cret@mq\'`), or the template one is formatted from (`\'mysql://%s:%s@%s\'`, `f\'{scheme}://{user}:{pw}@{host}\'`); masks (`:***@`), documentation placeholders (`<password>`) and URLs inside prose do not count, nor does a literal that is one piece of an implicit concatenation whose other pieces are prose (an example URL in an error message).',
  checkArg: expectTrue,
  condition: () => CONDITION,
  test: (node) => isCredentialedUrl(node),
};
