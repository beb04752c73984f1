import { fillsOnlyPlaceholders } from '../../../src/rules/predicates/fills-only-placeholders.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return fillsOnlyPlaceholders.test(node, true, { path: 'app.py', imports });
};

describe('fills-only-placeholders', () => {
  it.each([
    `sql = f"SELECT * FROM t WHERE id IN ({', '.join('?' * len(ids))})"`,
    `sql = f"SELECT * FROM t WHERE id IN ({','.join(['%s'] * len(ids))}) AND x IN ({','.join(('%s',) * n)})"`,
    `sql = f"DELETE FROM t WHERE id IN ({', '.join('%s' for _ in ids)})"`,
    `sql = f"DELETE FROM t WHERE id IN ({', '.join(['%s' for _ in ids])})"`,
    `sql = "SELECT * FROM t WHERE id IN (%s)" % ",".join("?" * len(ids))`,
    `sql = "SELECT * FROM t WHERE id IN ({})".format(",".join(["%s"] * len(ids)))`,
    `sql = "SELECT * FROM t WHERE id = {}".format("%s")`,
  ])('%s fills in only placeholders', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    `sql = f"SELECT * FROM {table}"`,
    `sql = f"SELECT * FROM t WHERE id IN ({', '.join(ids)})"`,
    `sql = f"SELECT * FROM t WHERE id IN ({', '.join(str(i) for i in ids)})"`,
    `sql = f"SELECT * FROM t WHERE id IN ({sep.join('?' * len(ids))})"`,
    `sql = f"IN ({','.join('?' * len(ids))}) AND name = '{name}'"`,
    `sql = "SELECT %s" % name`,
    `sql = "SELECT * FROM t"`,
    `sql = f"SELECT 1"`,
    `sql = "SELECT {} FROM t".format("password")`,
  ])('%s fills in something else', (source) => {
    expect(holds(source)).toBe(false);
  });
});
