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
  return content !== null && CREDENTIALED_URL.test(content) && !partOfProse(node);
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
