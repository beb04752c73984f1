import type { SyntaxNode } from '../syntax.js';
import { startOf } from './node-fields.js';

/**
 * The file's text as the tree's offsets index it. `root.text` starts at the module's start, which
 * tree-sitter puts after the white space leading the file (blank lines before the first
 * statement or comment), so that white space is put back, as spaces.
 */
export function fileText(root: SyntaxNode): string {
  const start = startOf(root);
  return start > 0 ? ' '.repeat(start) + root.text : root.text;
}
