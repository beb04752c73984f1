import { looksLikeSqlPredicate, mayBeSqlStatementPredicate } from '../../../src/rules/predicates/looks-like-sql.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return looksLikeSqlPredicate.test(node, true, { path: 'app.py', imports });
};

describe('looks-like-sql', () => {
  it.each([
    'x = "SELECT * FROM users WHERE id = %s" % uid',
    'x = f"select name from {table}"',
    'x = "ALTER TABLE %s Engine=InnoDB" % table',
    'x = "TRUNCATE TABLE %s" % table',
    'x = "  \\n  UPDATE t SET a = {}".format(a)',
    'x = "DELETE FROM t " + where',
    'x = base + " WHERE id = %d" % n',
    'x = "%s" % query',
    'x = template % args',
    'x = query.format(name)',
    'x = f"{cols} FROM t ORDER BY {order}"',
    'x = "/* hint */ SELECT * FROM t WHERE a = \'{}\'".format(a)',
    'x = "  /*+ INDEX(t) */ UPDATE t SET a = %s" % a',
    'x = base_sql + where',
    'def f(where):\n    sql = "SELECT 1"\n    x = sql + where',
    'def f(parts: list[str], where):\n    x = where + other',
  ])('%j may be SQL', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    "x = 'dd if=/dev/zero seek=%(seek)d of=%(path)s' % args",
    "x = 'truncate --size %(size)dG %(path)s' % args",
    "x = 'chmod ugo+rw %s' % path",
    'x = f"ls -l {path}"',
    'x = "http://%s/api" % host',
    'x = "/{}".format(route)',
    'x = "/v1/apps/%s/routes" % app',
    'x = f" /{prefix}/{name}"',
    "x = ['sysctl', '-w'] + cmd",
    "x = cmd + ['-t', table]",
    'x = base + list(extra)',
    "def f(zone):\n    ip_cmd = [str(net), '-w', zone]\n    x = cmd + ip_cmd",
    "def f(args):\n    args = ['ip', 'netns'] + args\n    x = prefix + args",
    'def f(self, vtysh_args: list[str]):\n    x = self._base + vtysh_args',
  ])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});

describe('may-be-sql-statement', () => {
  const statement = (source: string) => {
    const { node, imports } = assignedValue(source);
    return mayBeSqlStatementPredicate.test(node, true, { path: 'app.py', imports });
  };

  it.each([
    'x = "SELECT * FROM t WHERE id = %s" % uid',
    'x = self.clean_batch_query + " AND name < ?"',
    'x = "  " + base + " AND name < ?"',
    'x = "%s" % query',
    'x = sql',
    'x = template % args',
  ])('%j may be SQL', (source) => {
    expect(statement(source)).toBe(true);
  });

  it.each([
    "x = 'Running ip %s' % command",
    "x = 'Running ethtool {}'.format(command)",
    'x = f"chmod ugo+rw {path}"',
  ])('%j opens with text that is not SQL', (source) => {
    expect(statement(source)).toBe(false);
  });

  it.each([
    ["def f(chain, ip):\n    cmd = ['iptables', '-R', '%s' % chain, '-s', '%s/32' % ip]\n    x = cmd", false],
    ["def f(args):\n    cmd = ('ip', 'netns', 'exec') + tuple(args)\n    x = cmd", false],
    ["def f(cmd: list[str]):\n    x = cmd", false],
    // Bound to a list once, then to a string: the list was the statement's pieces.
    ["def f(name, extra):\n    q = ['WHERE name = %s' % name]\n    q = ' AND '.join(q + extra)\n    x = q", true],
    // Not a local of a function: nothing says what it holds.
    ["q = ['SELECT 1']\nx = q", true],
  ])('%j, a name only ever bound to a list, is an argument vector (%j may be SQL)', (source, may) => {
    expect(statement(source)).toBe(may);
  });

  it('differs from looks-like-sql only where the head is not written out', () => {
    const { node, imports } = assignedValue('x = self.query + " AND name < ?"');
    expect(looksLikeSqlPredicate.test(node, true, { path: 'app.py', imports })).toBe(false);
    expect(mayBeSqlStatementPredicate.test(node, true, { path: 'app.py', imports })).toBe(true);
  });
});

describe('looks-like-sql on hostile text', () => {
  it.each([' ', '( ', 'update ', 'update a', 'order ', 'values ', 'limit '])('%j repeated to 50 KB finishes in well under a second', (unit) => {
    const text = unit.repeat(Math.ceil(50_000 / unit.length)).replace(/\\/g, '');
    const { node, imports } = assignedValue(`x = "${text}" % a`);
    const start = performance.now();
    looksLikeSqlPredicate.test(node, true, { path: 'app.py', imports });
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
