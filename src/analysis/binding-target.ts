import type { SyntaxNode } from './syntax.js';

/** Statements and expressions that bind names: `x = …`, `x += …`, `for x in`, `with … as x`, `x := …`. */
export const BINDERS = ['assignment', 'augmented_assignment', 'for_statement', 'for_in_clause', 'with_item', 'named_expression'] as const;

/**
 * What a binder binds: the left of an assignment or loop, the name of a walrus, the alias of a
 * `with` item (`f` of `with open(path) as f`; null without `as`). Not the `with` item's context
 * expression: `path` there is read, not bound.
 */
export function bindingTarget(binder: SyntaxNode): SyntaxNode | null {
  if (binder.type === 'with_item') {
    const value = binder.childForFieldName('value');
    return value?.type === 'as_pattern' ? value.childForFieldName('alias') : null;
  }
  return binder.childForFieldName('left') ?? binder.childForFieldName('name');
}
