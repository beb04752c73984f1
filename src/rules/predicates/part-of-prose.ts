import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

/**
 * True when the string literal is one piece of an implicit concatenation whose other pieces are
 * prose (a word between spaces in their text): glance_store's `"If you have specified a URI like "`
 * `"swift://user:pass@http://authurl.com/v1/container/obj"` `", you need to change it …"`, an
 * example in an error message, not a value the code uses.
 */
export function partOfProse(node: SyntaxNode): boolean {
  const literal = unwrapParens(node);
  const parent = literal.parent;
  return parent?.type === 'concatenated_string' && parent.namedChildren.some((part) => part.type === 'string' && part.id !== literal.id && /\s\w+\s/.test(part.text));
}

/** The captured string literal is a piece of a sentence split over adjacent literals: see partOfProse. */
export const partOfProsePredicate: Predicate = {
  name: 'part-of-prose',
  description:
    'The captured string literal is one piece of an implicit concatenation whose other pieces are prose (a word between spaces): an example inside a message (`"If you have a URI like " "swift://user:pass@host/v1" ", change it"`), not a value the code uses. Use under `not:`.',
  checkArg: expectTrue,
  test: (node) => partOfProse(node),
};
