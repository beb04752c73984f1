import { isConstantString, stringValue } from '../../analysis/string-literal.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { joinsIndexedBindNames } from './indexed-bind-names.js';
import { expectTrue, type Predicate } from './predicate.js';

/** `["%s"] * n`, `("?",) * n`, `"?" * n`: a run of one constant placeholder. */
function isRepeatedConstant(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.type !== '*') return false;
  const sides = [n.childForFieldName('left'), n.childForFieldName('right')].filter((x): x is SyntaxNode => x !== null).map(unwrapParens);
  return sides.some((s) => isConstantString(s) || ((s.type === 'list' || s.type === 'tuple') && s.namedChildCount > 0 && s.namedChildren.every(isConstantString)));
}

/** `"?" for _ in ids` / `["%s" for _ in ids]`: a comprehension that yields a constant. */
function yieldsConstant(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'generator_expression' && n.type !== 'list_comprehension') return false;
  const body = n.childForFieldName('body');
  return body !== null && isConstantString(body);
}

/**
 * Placeholders alone, as a DB-API or SQLAlchemy driver reads them: `?`, `%s`, `:name`, `%(name)s`,
 * each optionally followed by a comma, white space anywhere. Written so that
 * the white space between two placeholders can be matched one way only: `(\s*X\s*,?)*` split
 * it every possible way and took minutes on `?  ?  ?…x` (found by the regex audit).
 */
export const PLACEHOLDERS = /^\s*(?:(?:\?|%s|:\w+|%\(\w+\)s)\s*(?:,\s*)?)*$/;

/**
 * `", ".join(<placeholders>)` with a constant separator and constant items, or bind placeholders
 * naming names built from constants and loop indexes (`', '.join(':' + p for p in params)` over
 * `params = {'skip_%s' % i: t for i, t in enumerate(tables)}`, see joinsIndexedBindNames); or a
 * constant string of placeholders.
 */
export function isPlaceholderList(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (isConstantString(n)) return PLACEHOLDERS.test(stringValue(n) ?? '');
  const joined = constantSeparatorJoin(n);
  return joined !== null && (isRepeatedConstant(joined) || yieldsConstant(joined) || joinsIndexedBindNames(joined));
}

/** What `SEP.join(x)` with a constant separator joins: its one argument (a bare generator expression too), or null for anything else. */
export function constantSeparatorJoin(n: SyntaxNode): SyntaxNode | null {
  if (n.type !== 'call') return null;
  const fn = n.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'join') return null;
  const separator = fn.childForFieldName('object');
  if (!separator || !isConstantString(separator)) return null;
  const args = n.childForFieldName('arguments');
  if (!args) return null;
  if (args.type === 'generator_expression') return args;
  const items = args.namedChildren.filter((c) => c.type !== 'comment');
  return items.length === 1 ? items[0]! : null;
}

/**
 * The parts of a list or tuple written out and joined with a constant separator (`"".join([OVS_APPCTL,
 * " --target=", socket])`: each is filled in as a `%` value is), or null for another join.
 */
function joinedParts(call: SyntaxNode): SyntaxNode[] | null {
  const joined = constantSeparatorJoin(call);
  const display = joined ? unwrapParens(joined) : null;
  if (display?.type !== 'list' && display?.type !== 'tuple') return null;
  const parts = display.namedChildren.filter((c) => c.type !== 'comment');
  return parts.some((p) => p.type === 'list_splat') ? null : parts;
}

/** The values a formatted string fills in: f-string fields, `%`'s right side, `.format()`'s arguments, the parts a constant separator joins (a list written out); null when it is not one. */
export function filledValues(node: SyntaxNode): SyntaxNode[] | null {
  const n = unwrapParens(node);
  switch (n.type) {
    case 'string': {
      const fields = n.namedChildren.filter((c) => c.type === 'interpolation');
      return fields.map((f) => f.childForFieldName('expression') ?? f.namedChildren[0]!).filter(Boolean);
    }
    case 'concatenated_string': {
      const all: SyntaxNode[] = [];
      for (const part of n.namedChildren) {
        const values = filledValues(part);
        if (values === null) return null;
        all.push(...values);
      }
      return all;
    }
    case 'binary_operator': {
      const right = n.childForFieldName('right');
      if (n.childForFieldName('operator')?.type !== '%' || !right) return null;
      const r = unwrapParens(right);
      return r.type === 'tuple' ? r.namedChildren : [r];
    }
    case 'call': {
      const fn = n.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
      if (method === 'join') return joinedParts(n);
      if (method !== 'format') return null;
      return args.map((a) => (a.type === 'keyword_argument' ? a.childForFieldName('value')! : a));
    }
    default:
      return null;
  }
}

/** The capture formats in nothing but runs of constant placeholders: `f"... IN ({', '.join('?' * len(ids))})"`. */
export const fillsOnlyPlaceholders: Predicate = {
  name: 'fills-only-placeholders',
  description:
    'The captured formatted string (f-string, `%` or `.format()`) fills in only placeholder lists built from constants — `", ".join("?" * len(ids))`, `",".join(["%s"] * n)`, `",".join("%s" for _ in ids)`, or bind names built from constants and loop indexes (`", ".join(":" + p for p in params)` where the function builds `params` as `{"skip_%s" % i: t for i, t in enumerate(tables)}`) — so the SQL text cannot carry a value; use under `not:`.',
  checkArg: expectTrue,
  test(node) {
    const values = filledValues(node);
    return values !== null && values.length > 0 && values.every(isPlaceholderList);
  },
};
