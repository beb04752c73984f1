import { unwrapParens, type SyntaxNode } from '../syntax.js';
import type { Definition } from './definition.js';

// What a loop's variable takes of what it iterates over: each element of a list written in the
// loop (`for i in [a, b]`), or, for a tuple target, its own position of each tuple the iterable
// holds (`for gw, pw in pairs` over `pairs = [(p.id, p.password) for p in peers]`). FileFlow asks
// these as it traces a loop's names back.

/** Lists, tuples and sets written out. */
export const DISPLAYS: ReadonlySet<string> = new Set(['list', 'tuple', 'set']);

/**
 * The parts a loop's name takes of a list of tuples (see Definition.iterated): of a comprehension
 * yielding tuples, or of a list, tuple or set written out whose every element is a tuple, the
 * part at the name's position, when every tuple has the loop target's length; else null.
 */
export function iteratedParts(value: SyntaxNode | null, { index, of }: NonNullable<Definition['iterated']>): SyntaxNode[] | null {
  // `of` undefined: a position read by a subscript (`cmd[0]`), so any tuple long enough has it.
  const fits = (parts: SyntaxNode[]) => (of === undefined ? parts.length > index : parts.length === of);
  const yielded = comprehensionTuple(value);
  if (yielded) return fits(yielded) ? [yielded[index]!] : null;
  const list = value ? unwrapParens(value) : null;
  if (!list || !DISPLAYS.has(list.type)) return null;
  const parts: SyntaxNode[] = [];
  for (const element of list.namedChildren) {
    if (element.type === 'comment') continue;
    const items = tupleParts(element);
    if (!items || !fits(items)) return null;
    parts.push(items[index]!);
  }
  return parts;
}

/** A tuple's parts, or null for anything else or a tuple with a splat (its length is unknown). */
function tupleParts(node: SyntaxNode | null): SyntaxNode[] | null {
  const tuple = node ? unwrapParens(node) : null;
  if (tuple?.type !== 'tuple') return null;
  const parts = tuple.namedChildren.filter((c) => c.type !== 'comment');
  return parts.some((p) => p.type === 'list_splat') ? null : parts;
}

/** Comprehensions that yield elements one by one (a dict comprehension yields pairs of its own). */
const ELEMENT_COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression']);

/** The parts of the tuple a comprehension yields (`[(a, b) for p in ps]` → a, b), or null. */
function comprehensionTuple(value: SyntaxNode | null): SyntaxNode[] | null {
  const n = value ? unwrapParens(value) : null;
  return n && ELEMENT_COMPREHENSIONS.has(n.type) ? tupleParts(n.childForFieldName('body')) : null;
}

/** A `for` target bound to the elements of a list, tuple or set written in the loop (no splat). */
export function iteratesDisplay(def: Definition): boolean {
  const loop = def.target.parent;
  if (loop?.type !== 'for_statement' || loop.childForFieldName('left')?.startIndex !== def.target.startIndex || def.element !== undefined) return false;
  const value = def.value;
  return value !== null && DISPLAYS.has(value.type) && !value.namedChildren.some((c) => c.type === 'list_splat');
}

/** Copies that keep the pairs they are given: `list(d.items())`, `sorted(d.items())`. */
const PAIR_COPIES = new Set(['list', 'tuple', 'sorted', 'reversed']);

/**
 * True for `d.items()`, `d.iteritems()`, `six.iteritems(d)` and `enumerate(xs)`, also copied
 * whole (`list(d.items())`, zaza's loop over its auth settings): pairs whose first part is a key or
 * an index.
 */
export function yieldsKeyValuePairs(value: SyntaxNode | null): boolean {
  if (value?.type !== 'call') return false;
  const fn = value.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  if (name === 'items' || name === 'iteritems' || name === 'enumerate') return true;
  const args = value.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return fn?.type === 'identifier' && PAIR_COPIES.has(fn.text) && args.length === 1 && yieldsKeyValuePairs(args[0]!);
}

/**
 * The sides of a list joined with `+` or `+=` (`cmds += [(name, cmd)]`), or the expression inside
 * parentheses: each holds the same kind of elements as the whole, so a loop's name takes the same
 * part of each side's tuples. Null for anything else.
 */
export function listsJoined(node: SyntaxNode): SyntaxNode[] | null {
  if (node.type === 'parenthesized_expression') return node.namedChildren.filter((c) => c.type !== 'comment').slice(0, 1);
  const joins = (node.type === 'augmented_assignment' && node.childForFieldName('operator')?.type === '+=') || (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+');
  if (!joins) return null;
  const sides = [node.childForFieldName('left'), node.childForFieldName('right')];
  return sides.filter((s): s is SyntaxNode => s !== null);
}
