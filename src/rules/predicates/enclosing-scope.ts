import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import type { SyntaxNode } from '../../analysis/syntax.js';

const SCOPE_TYPES = ['function_definition', 'lambda', 'module'];

/** The innermost function (or lambda) holding `node`, else its module; null for the module itself. Found by position (see enclosingNode). */
export function enclosingScope(node: SyntaxNode): SyntaxNode | null {
  return enclosingNode(node, SCOPE_TYPES);
}

/** Answers per tree, by key: the file's and each scope's word test, and each read's answer. */
export type TextBeforeCache = WeakMap<object, Map<string, boolean>>;

/**
 * For an identifier: `answer` of the text of its scope (see enclosingScope) before it and its
 * name, asked only when that scope, and first the whole file, holds one of `words`; remembered
 * per tree in `cache` (one per predicate). False for any other node or one outside a tree.
 */
export function answerFromTextBefore(node: SyntaxNode, cache: TextBeforeCache, words: RegExp, answer: (textBefore: string, name: string) => boolean): boolean {
  if (node.type !== 'identifier') return false;
  let perTree = cache.get(node.tree);
  if (!perTree) cache.set(node.tree, (perTree = new Map()));
  // Most files and functions hold none of the words: asked once per file, then once per function.
  let fileHas = perTree.get('file');
  if (fileHas === undefined) perTree.set('file', (fileHas = words.test(node.tree.rootNode.text)));
  if (!fileHas) return false;
  const scope = enclosingScope(node);
  if (!scope) return false;
  const scopeKey = `scope:${scope.id}`;
  let scopeHas = perTree.get(scopeKey);
  if (scopeHas === undefined) perTree.set(scopeKey, (scopeHas = words.test(scope.text)));
  if (!scopeHas) return false;
  const key = `${scope.id}:${node.startIndex}`;
  let found = perTree.get(key);
  if (found === undefined) perTree.set(key, (found = answer(scope.text.slice(0, node.startIndex - scope.startIndex), node.text)));
  return found;
}
