import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Catches that take every error: whatever fails inside ends up here. */
const BROAD = new Set(['Exception', 'BaseException']);

/** True when an `except` clause is bare or catches `Exception` or `BaseException`, alone or in a tuple. */
export function catchesBroadly(clause: SyntaxNode, imports: ImportMap): boolean {
  const first = clause.namedChildren.find((c) => c.type !== 'comment' && c.type !== 'block');
  if (!first) return true;
  const caught = first.type === 'as_pattern' ? first.namedChild(0) : first;
  if (!caught) return false;
  const inner = unwrapParens(caught);
  const types = inner.type === 'tuple' ? inner.namedChildren : [inner];
  return types.some((t) => BROAD.has(imports.qualifiedName(t) ?? ''));
}

/** The captured `except` clause is bare or catches `Exception`/`BaseException`. */
export const catchesBroadlyPredicate: Predicate = {
  name: 'catches-broadly',
  description:
    'The captured `except_clause` is bare (`except:`) or catches `Exception` or `BaseException`, alone or in a tuple (`except (ValueError, Exception) as e:`).',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => node.type === 'except_clause' && catchesBroadly(node, ctx.imports),
};
