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

/** Patterns whose names are each bound: `a, b`, `(a, b)`, `[a, b]`, `*rest`. */
const PATTERNS = new Set(['as_pattern_target', 'pattern_list', 'tuple_pattern', 'list_pattern', 'parenthesized_expression', 'list_splat_pattern', 'tuple', 'list', 'expression_list']);

/**
 * The names a binding target binds: the name itself, or each name of a tuple or list pattern (or a
 * `with … as` alias); not the names inside a subscript or attribute written to (`out[rt] = []`
 * binds neither `out` nor `rt`).
 */
export function boundNames(target: SyntaxNode): SyntaxNode[] {
  if (target.type === 'identifier') return [target];
  if (!PATTERNS.has(target.type)) return [];
  return target.namedChildren.flatMap(boundNames);
}
