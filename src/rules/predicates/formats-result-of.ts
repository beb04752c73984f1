import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { constantBinding, isParameterDefault } from './constant-binding.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

// congress builds its SQL with psycopg2's `sql` module: `cur.execute(sql.SQL(insert_statement)
// .format(sql.Identifier(self.name), sql.Identifier(table_name)), (data, key))`. That `.format`
// is `SQL.format`, not `str.format`: it takes only Composable pieces and quotes identifiers and
// literals itself, so what it fills in cannot change the statement.

/** True when `node` is a call to one of `names` (resolved through the file's imports), or a name bound once in the file to such a call. */
function callTo(node: SyntaxNode, names: readonly string[], qualifiedName: (n: SyntaxNode) => string | null): boolean {
  let n = unwrapParens(node);
  if (n.type === 'identifier') {
    const bound = constantBinding(n);
    // A parameter's default is only what a caller that passes nothing gets.
    if (!bound || isParameterDefault(bound)) return false;
    n = unwrapParens(bound);
  }
  if (n.type !== 'call') return false;
  const callee = n.childForFieldName('function');
  const name = callee ? qualifiedName(callee) : null;
  return name !== null && matchesNamePattern(name, names);
}

/** The capture is `x.format(...)` where x is the result of a call to one of the listed names. */
export const formatsResultOf: Predicate = {
  name: 'formats-result-of',
  description:
    "The captured expression is `x.format(...)` where `x` is a call to one of the listed dotted names (resolved through the file's imports; a trailing `*` matches a prefix), written there or bound once to the name: psycopg's `sql.SQL(statement).format(sql.Identifier(table))` is `SQL.format`, which takes only composable pieces and quotes them, not `str.format`; use under `not:`.",
  checkArg: expectStringList,
  test(node, arg, ctx) {
    const n = unwrapParens(node);
    if (n.type !== 'call') return false;
    const fn = n.childForFieldName('function');
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'format') return false;
    const receiver = fn.childForFieldName('object');
    return receiver !== null && callTo(receiver, arg as string[], (c) => ctx.imports.qualifiedName(c));
  },
};
