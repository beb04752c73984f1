import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** Where a function, class or lambda starts, a name no longer refers to an outer `except` binding. */
const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/**
 * The `except … as name:` clause around `node` that binds the identifier's name, within the same
 * function (the clause itself when `node` is its alias), or null.
 */
export function bindingExceptClause(node: SyntaxNode): SyntaxNode | null {
  if (node.type !== 'identifier') return null;
  for (let n = node.parent; n && !SCOPES.has(n.type); n = n.parent) {
    if (n.type !== 'except_clause' && n.type !== 'except_group_clause') continue;
    const pattern = n.namedChildren.find((c) => c.type === 'as_pattern');
    const alias = pattern?.childForFieldName('alias');
    // `as_pattern_target` wraps the identifier.
    if ((alias?.namedChildren[0] ?? alias)?.text === node.text) return n;
  }
  return null;
}

/** The exception types an `except` clause names (none for a bare `except:`). */
export function caughtTypes(clause: SyntaxNode): SyntaxNode[] {
  const first = clause.namedChildren.find((c) => c.type !== 'comment' && c.type !== 'block');
  if (!first) return [];
  const caught = first.type === 'as_pattern' ? first.namedChild(0) : first;
  if (!caught) return [];
  const inner = unwrapParens(caught);
  return inner.type === 'tuple' ? inner.namedChildren.filter((c) => c.type !== 'comment') : [inner];
}

/**
 * True when `node` is a name bound by an enclosing `except … as name:` of the same function that
 * may catch an exception outside `trusted` (dotted names after imports; a trailing `*` matches a
 * prefix): a bare clause, `Exception`, or any type not listed — a tuple counts when one member is
 * not listed. A type that cannot be named (`except get_errors() as e`) counts as untrusted.
 */
export function caughtUntrusted(node: SyntaxNode, trusted: readonly string[], imports: ImportMap): boolean {
  const clause = bindingExceptClause(node);
  if (!clause) return false;
  const types = caughtTypes(clause);
  if (types.length === 0) return true;
  return types.some((t) => {
    const name = imports.qualifiedName(t);
    return name === null || !matchesNamePattern(name, trusted);
  });
}

/** The capture is an exception bound by `except … as e:` that may be one whose text was not written for users. */
export const caughtUntrustedPredicate: Predicate = {
  name: 'caught-untrusted',
  description:
    'The captured name (a read of `e`, or the `e` of `except … as e:` itself) is bound by an enclosing `except … as e:` in the same function that may catch an exception not in the listed ones (dotted names after imports, a trailing `*` for a prefix: the exceptions whose messages are written for users): a bare `except`, `Exception`, a library\'s or remote client\'s exception, or a tuple with one such member.',
  checkArg: expectStringList,
  test: (node, arg, ctx) => caughtUntrusted(unwrapParens(node), arg as string[], ctx.imports),
};
