import { fillsOnlyCallsNamed } from '../../../src/rules/predicates/fills-only-calls-named.js';
import { assignedValue } from '../../helpers/parse.js';

const QUOTERS = ['Identifier', 'Literal', 'quote_identifier'];

/** Tests the value of the snippet's last assignment. */
const fills = (source: string) => {
  const { node, imports } = assignedValue(source);
  return fillsOnlyCallsNamed.test(node, QUOTERS, { path: 'ingester.py', imports });
};

describe('fills-only-calls-named', () => {
  it.each([
    // congress's shim of psycopg2's sql module.
    'x = sql.SQL(stmt).format(sql.Identifier(schema), sql.Identifier(table))',
    'x = "DROP TABLE %s" % quote_identifier(t)',
    'x = "DROP TABLE %s.%s" % (Identifier(s), Identifier(t))',
    'x = f"SELECT * FROM {quote_identifier(t)} WHERE v = {Literal(v)}"',
    'x = "SELECT {t}".format(t=Identifier(t))',
  ])('%j: quoted values only', (source) => {
    expect(fills(source)).toBe(true);
  });

  it.each([
    'x = "DROP TABLE {}.{}".format(Identifier(s), t)',
    'x = "DROP TABLE %s" % t',
    'x = "DROP TABLE %s" % identifier(t)',
    'x = "SELECT * FROM users"',
    'x = "SELECT %s" % quote(t)',
    'x = sql.SQL(stmt).join(parts)',
  ])('%j: not', (source) => {
    expect(fills(source)).toBe(false);
  });
});
