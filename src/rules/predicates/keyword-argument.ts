import type { SyntaxNode } from '../../analysis/syntax.js';

/** The value node of keyword argument `name` in a call (or its argument list), or null. */
export function keywordValue(callOrArgs: SyntaxNode, name: string): SyntaxNode | null {
  const args = callOrArgs.type === 'call' ? callOrArgs.childForFieldName('arguments') : callOrArgs;
  if (!args) return null;
  for (const child of args.namedChildren) {
    if (child.type === 'keyword_argument' && child.childForFieldName('name')?.text === name) {
      return child.childForFieldName('value');
    }
  }
  return null;
}

/** True when a call passes `**kwargs`: any keyword may be set, so "absent" cannot be claimed. */
export function hasDictSplat(callOrArgs: SyntaxNode): boolean {
  const args = callOrArgs.type === 'call' ? callOrArgs.childForFieldName('arguments') : callOrArgs;
  return !!args?.namedChildren.some((c) => c.type === 'dictionary_splat');
}
