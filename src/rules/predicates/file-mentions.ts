import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectStringList, type Predicate } from './predicate.js';

/** Per parsed file (its tree), whether each word asked about stands in its text. */
const answers = new WeakMap<object, Map<string, boolean>>();

/**
 * True when the text of the file holding `node` has one of `words` as a whole word (in code, a
 * string or a comment). A context a name means something in: nova's and mogan's `access_url` is
 * a console's, ending in `?token=`, in files that speak of consoles; poppy's is a CDN domain.
 */
export function fileMentions(node: SyntaxNode, words: readonly string[]): boolean {
  const tree = node.tree as unknown as { input?: unknown };
  const text = typeof tree.input === 'string' ? tree.input : null;
  // A tree parsed from a callback keeps no text: the context cannot be read, so it is granted.
  if (text === null) return true;
  let known = answers.get(tree);
  if (!known) answers.set(tree, (known = new Map()));
  return words.some((word) => {
    let found = known!.get(word);
    if (found === undefined) known!.set(word, (found = holdsWord(text, word)));
    return found;
  });
}

function holdsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!isNameCharacter(text.charCodeAt(i - 1)) && !isNameCharacter(text.charCodeAt(i + word.length))) return true;
  }
  return false;
}

function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code >= 0x80;
}

/** The file mentions one of the listed words: see fileMentions. */
export const fileMentionsPredicate: Predicate = {
  name: 'file-mentions',
  description:
    'The file holding the capture has one of the listed words as a whole word somewhere in its text (code, strings or comments); the capture itself is not inspected. Names the context a name means a secret in: `access_url` is a console\'s (ending in `?token=`) only in a file that speaks of consoles.',
  checkArg: expectStringList,
  test: (node, arg) => fileMentions(node, arg as string[]),
};
