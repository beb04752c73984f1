import type Parser from 'tree-sitter';
import type { SyntaxNode } from '../syntax.js';
import { startOf } from './node-fields.js';

/** Each tree's text, made once: a file's FileFlow and DefinitionIndex both read it. */
const texts = new WeakMap<Parser.Tree, string>();

/**
 * The file's text as the tree's offsets index it. `root.text` starts at the module's start, which
 * tree-sitter puts after the white space leading the file (blank lines before the first
 * statement or comment), so that white space is put back, as spaces.
 */
export function fileText(root: SyntaxNode): string {
  let text = texts.get(root.tree);
  if (text === undefined) {
    const start = startOf(root);
    text = start > 0 ? ' '.repeat(start) + root.text : root.text;
    texts.set(root.tree, text);
  }
  return text;
}
