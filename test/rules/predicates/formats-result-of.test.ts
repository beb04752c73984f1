import { formatsResultOf } from '../../../src/rules/predicates/formats-result-of.js';
import { assignedValue } from '../../helpers/parse.js';

const SQL = ['psycopg2.sql.SQL', 'psycopg.sql.SQL'];

/** Tests the value of the snippet's last assignment. */
const formats = (source: string) => {
  const { node, imports } = assignedValue(source);
  return formatsResultOf.test(node, SQL, { path: 'ingester.py', imports });
};

describe('formats-result-of', () => {
  it.each([
    // congress's JSON ingester.
    'from psycopg2 import sql\nx = sql.SQL(stmt).format(sql.Identifier(name))',
    'import psycopg2.sql\nx = psycopg2.sql.SQL("DROP TABLE {}").format(psycopg2.sql.Identifier(t))',
    'from psycopg import sql\nx = sql.SQL("SELECT {}").format(sql.Literal(v))',
    'from psycopg2 import sql\ndef f(t):\n    stmt = sql.SQL("DELETE FROM {}")\n    x = stmt.format(sql.Identifier(t))',
  ])('%j: SQL.format', (source) => {
    expect(formats(source)).toBe(true);
  });

  it.each([
    '"DELETE FROM {}".format(t)\nx = "DELETE FROM {}".format(t)',
    'from psycopg2 import sql\nx = str(sql.SQL("SELECT {}")).format(t)',
    'from psycopg2 import sql\nx = sql.SQL("SELECT {}").join(parts)',
    'from psycopg2 import sql\ndef f(stmt=sql.SQL("SELECT {}")):\n    x = stmt.format(t)',
    'from other import sql\nx = sql.SQL(stmt).format(t)',
    'x = SQL(stmt).format(t)',
  ])('%j: not', (source) => {
    expect(formats(source)).toBe(false);
  });
});
