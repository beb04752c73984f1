import { unwrapParens } from '../../analysis/syntax.js';
import { fixedBinding } from './constant-binding.js';
import { callsOneOf } from './is-call-to.js';
import { expectStringList, type Predicate } from './predicate.js';

// congress builds its SQL with psycopg2's `sql` module: `cur.execute(sql.SQL(insert_statement)
// .format(sql.Identifier(self.name), sql.Identifier(table_name)), (data, key))`. That `.format`
// is `SQL.format`, not `str.format`: it takes only Composable pieces and quotes identifiers and
// literals itself, so what it fills in cannot change the statement.

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
    const object = fn.childForFieldName('object');
    // Written there, or bound once to the name (not a parameter's default).
    const receiver = object && unwrapParens(object).type === 'identifier' ? fixedBinding(unwrapParens(object)) : object;
    return receiver !== null && callsOneOf(receiver, arg as string[], ctx.imports);
  },
};
