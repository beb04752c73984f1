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

const NOT_POSITIONAL = new Set(['keyword_argument', 'dictionary_splat', 'comment']);

/**
 * The value passed at 1-based `position` of a call (or its argument list), or null when fewer are
 * passed or a `*args` comes first (it may fill the position: the value is not known).
 */
export function positionalValue(callOrArgs: SyntaxNode, position: number): SyntaxNode | null {
  const args = callOrArgs.type === 'call' ? callOrArgs.childForFieldName('arguments') : callOrArgs;
  let index = 0;
  for (const child of args?.namedChildren ?? []) {
    if (NOT_POSITIONAL.has(child.type)) continue;
    if (child.type === 'list_splat' || child.type === 'parenthesized_list_splat') return null;
    if (++index === position) return child;
  }
  return null;
}

/** True when a call passes `**kwargs`: any keyword may be set, so "absent" cannot be claimed. */
export function hasDictSplat(callOrArgs: SyntaxNode): boolean {
  const args = callOrArgs.type === 'call' ? callOrArgs.childForFieldName('arguments') : callOrArgs;
  return !!args?.namedChildren.some((c) => c.type === 'dictionary_splat');
}
