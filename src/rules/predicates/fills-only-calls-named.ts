import { unwrapParens, writtenName } from '../../analysis/syntax.js';
import { filledValues } from './fills-only-placeholders.js';
import { expectStringList, type Predicate } from './predicate.js';

// congress formats its SQL with a shim of psycopg2's `sql` module (`sql.SQL(stmt)` returns the text,
// `sql.Identifier(name)` checks the name against `^[a-zA-Z_][a-zA-Z0-9_]*$` and quotes it):
// `cur.execute(sql.SQL(insert_statement).format(sql.Identifier(self.name), sql.Identifier(table)))`.
// A value that went through an identifier-quoting function cannot carry a quote out of its place.

/** The capture is a formatted string each of whose filled values is a call to a function written with one of the listed names. */
export const fillsOnlyCallsNamed: Predicate = {
  name: 'fills-only-calls-named',
  description:
    "The captured formatted string (f-string, `%` or `.format()`) fills in only values that are calls to a function whose name, as written (the last part of `sql.Identifier`), is one of the listed names: `sql.SQL(stmt).format(sql.Identifier(schema), sql.Identifier(table))`, `'DROP TABLE %s' % quote_identifier(t)`. Names as written, or the last part of what an import alias stands for (`shquote` of `from shlex import quote as shquote` is `quote`): an identifier-quoting function a project writes for itself counts too. Use under `not:`.",
  checkArg: expectStringList,
  test(node, arg, ctx) {
    const values = filledValues(node);
    if (!values || values.length === 0) return false;
    const names = arg as string[];
    return values.every((v) => {
      const n = unwrapParens(v);
      if (n.type !== 'call') return false;
      const fn = n.childForFieldName('function');
      const name = writtenName(fn);
      if (name !== null && names.includes(name)) return true;
      // An alias: `from shlex import quote as shquote`, `shquote(path)` is `quote`.
      const qualified = fn ? ctx.imports.qualifiedName(fn) : null;
      return qualified !== null && names.includes(qualified.slice(qualified.lastIndexOf('.') + 1));
    });
  },
};
