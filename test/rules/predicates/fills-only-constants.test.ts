import { fillsOnlyConstants } from '../../../src/rules/predicates/fills-only-constants.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return fillsOnlyConstants.test(node, true, { path: 'app.py', imports });
};

describe('fills-only-constants', () => {
  it.each([
    'x = "SELECT * FROM %s" % "users"',
    'x = "UPDATE t SET i = {i}".format(i="0")',
    "x = 'BEGIN;' + POLICY_STAT_TABLE_CREATE + 'COMMIT;'",
    "x = 'SELECT * FROM %s_sync' % ('incoming' if incoming else 'outgoing')",
    'TABLE = "users"\nx = "SELECT * FROM %s" % TABLE',
    'def f():\n    suffix = "_sync"\n    x = "SELECT * FROM t%s" % suffix',
    'x = f"SELECT * FROM {models.TABLE_NAME}"',
    'x = "SELECT * FROM t WHERE id IN (%s)" % ",".join("?" * len(ids))',
    'x = "SELECT %s FROM t" % (("a" if wide else "b"),)',
  ])('%j fills in only constants', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'x = "SELECT * FROM %s" % table',
    "x = 'SELECT * FROM %s_sync' % ('incoming' if incoming else name)",
    'x = "UPDATE t SET i = {i}".format(i=value)',
    "x = 'DROP USER ' + user",
    'def f(suffix="_sync"):\n    suffix = suffix.strip()\n    x = "SELECT * FROM t%s" % suffix',
    'x = f"SELECT * FROM {self.db_type}"',
    'x = "SELECT 1"',
    'x = query',
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
