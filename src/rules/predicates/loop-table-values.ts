import { enclosingNodes } from '../../analysis/enclosing-nodes.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { fixedBinding, mutatedInFile, rebinds } from './constant-binding.js';

// nectar-tools' image test runs `for i in oneliners: shellout(i[-1])` over a module list of
// (label, command) pairs written out: the loop's name, or one fixed position of it, takes one
// value of each row, and nothing else.

/** The loop must bind the name in the same function (or module) as the read. */
const LOOP_SCOPES = ['for_statement', 'function_definition', 'lambda', 'class_definition'];
const ROWS = new Set(['list', 'tuple', 'set']);

/**
 * The values a loop's name takes, or a constant position of it (`row[1]`, `row[-1]`): the name is
 * the whole target, or one name of a flat tuple target (`for label, command in ONELINERS`), of the
 * nearest `for` binding it in the read's own function; the read is in the loop's body, which does
 * not rebind the name; and the loop runs over a list, tuple or set written out, there or bound
 * once to a name (see fixedBinding), without a splat. Null otherwise, or when a row lacks the
 * position read.
 */
export function loopTableValues(node: SyntaxNode): SyntaxNode[] | null {
  const n = unwrapParens(node);
  const read = n.type === 'subscript' ? unwrapParens(n.childForFieldName('value') ?? n) : n;
  if (read.type !== 'identifier') return null;
  const index = n.type === 'subscript' ? constantIndex(n.childForFieldName('subscript')) : undefined;
  if (index === null) return null;
  for (const scope of enclosingNodes(read, LOOP_SCOPES)) {
    if (scope.type !== 'for_statement') return null;
    const target = scope.childForFieldName('left');
    const at = target ? targetPosition(target, read.text) : null;
    if (at === null) continue;
    const body = scope.childForFieldName('body');
    if (!body || read.startIndex < body.startIndex || read.endIndex > body.endIndex || rebinds(body, read.text)) return null;
    const rows = tableRows(scope.childForFieldName('right'));
    if (!rows) return null;
    // A name of a tuple target takes its own part of each row; a position read of it is not followed.
    if (at !== 'whole') return index === undefined ? partsAt(rows, at, target!.namedChildren.length) : null;
    return index === undefined ? rows : partsAt(rows, index, undefined);
  }
  return null;
}

/** `0`, `2`, `-1`: a subscript's constant integer; null for anything else. */
function constantIndex(subscript: SyntaxNode | null): number | null {
  const s = subscript ? unwrapParens(subscript) : null;
  if (s?.type === 'integer' && /^\d+$/.test(s.text)) return Number(s.text);
  if (s?.type === 'unary_operator' && s.text.startsWith('-')) {
    const argument = s.childForFieldName('argument');
    if (argument?.type === 'integer' && /^\d+$/.test(argument.text)) return -Number(argument.text);
  }
  return null;
}

/** `'whole'` when `target` is the name, its position in a flat tuple target of names, or null. */
function targetPosition(target: SyntaxNode, name: string): 'whole' | number | null {
  if (target.type === 'identifier') return target.text === name ? 'whole' : null;
  if (target.type !== 'pattern_list' && target.type !== 'tuple_pattern') return null;
  const names = target.namedChildren;
  if (names.some((c) => c.type !== 'identifier')) return null;
  const at = names.findIndex((c) => c.text === name);
  return at < 0 ? null : at;
}

/** The elements of a list, tuple or set written out, there or bound once to the name; null with a splat or anything else. */
function tableRows(iterable: SyntaxNode | null): SyntaxNode[] | null {
  let table = iterable ? unwrapParens(iterable) : null;
  if (table?.type === 'identifier') {
    // Bound once to a list written out, then filled (`rows.append(…)`): not only those rows.
    const bound = mutatedInFile(table) ? null : fixedBinding(table);
    table = bound ? unwrapParens(bound) : null;
  }
  if (!table || !ROWS.has(table.type)) return null;
  const rows = table.namedChildren.filter((c) => c.type !== 'comment');
  return rows.some((r) => r.type === 'list_splat') ? null : rows;
}

/** Each row's part at `index` (from the end when negative); every row a tuple or list written out of `length` parts when given. Null when one is not. */
function partsAt(rows: SyntaxNode[], index: number, length: number | undefined): SyntaxNode[] | null {
  const parts: SyntaxNode[] = [];
  for (const row of rows) {
    const r = unwrapParens(row);
    if (r.type !== 'tuple' && r.type !== 'list') return null;
    const items = r.namedChildren.filter((c) => c.type !== 'comment');
    if (items.some((c) => c.type === 'list_splat') || (length !== undefined && items.length !== length)) return null;
    const part = items[index < 0 ? items.length + index : index];
    if (!part) return null;
    parts.push(part);
  }
  return parts;
}
