import { fillsOnlyObjectIdentifiers } from '../../../src/rules/predicates/fills-only-object-identifiers.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return fillsOnlyObjectIdentifiers.test(node, true, { path: 'app.py', imports });
};

describe('fills-only-object-identifiers', () => {
  it.each([
    "x = 'UPDATE %s_stat SET id=?' % self.db_type",
    "x = '''\n    SELECT * FROM %s WHERE ROWID > ? ORDER BY ROWID ASC LIMIT ?\n''' % self.db_contains_type",
    "x = 'SELECT COUNT(*) FROM %s WHERE deleted = 1' % (self.broker.db_contains_type,)",
    "x = 'UPDATE %s_stat SET put_timestamp = ?' ' WHERE put_timestamp < ?' % self.db_type",
    'x = f"DELETE FROM {self.table} WHERE id = ?"',
    'x = "INSERT INTO {} (a) VALUES (?)".format(cls.table)',
    "x = 'SELECT %s FROM policy_stat' % self.columns",
  ])('%j names tables from the object', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    "x = 'SELECT * FROM t WHERE name = %s' % self.name",
    "x = \"SELECT * FROM t WHERE name = '%s'\" % self.name",
    "x = 'SELECT * FROM %s WHERE name = %s' % (self.table, self.name)",
    "x = 'SELECT * FROM %s' % table",
    "x = 'SELECT * FROM %s' % request.table",
    'x = f"SELECT * FROM t LIMIT {self.limit}"',
    "x = 'SELECT * FROM %s' % self.tables[name]",
    "x = 'UPDATE %s_stat SET id=?' % self.db_type.format(name)",
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
