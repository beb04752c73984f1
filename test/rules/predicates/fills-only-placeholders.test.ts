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

describe('fills-only-placeholders with bind names built from constants and loop indexes', () => {
  const OSLO = [
    'def get_non_innodb_tables(connectable, skip_tables):',
    '    params = {}',
    '    if skip_tables:',
    "        params = {'skip_%s' % i: table_name for i, table_name in enumerate(skip_tables)}",
    "        placeholders = ', '.join(':' + p for p in params)",
    "        sql = ' AND table_name NOT IN (%s)' % placeholders",
  ].join('\n');
  const inFunction = (...lines: string[]) => ['def f(conn, values, filters, request):', ...lines.map((l) => `    ${l}`)].join('\n');

  it.each([
    // The join written in the formatted string itself; the name is followed by fills-only-constants.
    OSLO.replace("placeholders = ', '.join(':' + p for p in params)\n        sql = ' AND table_name NOT IN (%s)' % placeholders", "sql = ' AND table_name NOT IN (%s)' % ', '.join(':' + p for p in params)"),
    inFunction("params = {'skip_%s' % i: v for i, v in enumerate(values)}", "sql = 'IN (%s)' % ', '.join(':' + p for p in params.keys())"),
    inFunction('sql = "IN ({})".format(", ".join(f":p{i}" for i in range(len(values))))'),
    inFunction("names = ['n%d' % i for i in range(len(values))]", "sql = 'IN (%s)' % ','.join(':' + n for n in names)"),
    inFunction('binds = dict()', 'for i, v in enumerate(values):', "    binds['v{}'.format(i)] = v", "sql = 'IN (%s)' % ', '.join('%%(%s)s' % k for k in binds)"),
    inFunction("names = []", "for i in range(3):", "    names.append('n' + str(i))", "sql = 'IN (%s)' % ', '.join([':' + n for n in names])"),
    inFunction("sql = 'IN (%s)' % ', '.join(':' + c for c in ('a', 'b'))"),
  ])('%s fills in only bind names', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    inFunction("sql = 'WHERE %s' % ' AND '.join(':' + k for k in filters)"),
    inFunction('params = request.args', "sql = 'IN (%s)' % ', '.join(':' + k for k in params)"),
    inFunction("params = {'skip_%s' % i: v for i, v in enumerate(values)}", 'params.update(filters)', "sql = 'IN (%s)' % ', '.join(':' + p for p in params)"),
    inFunction("params = {'skip_%s' % v: v for v in values}", "sql = 'IN (%s)' % ', '.join(':' + p for p in params)"),
    inFunction("params = {'skip_%s' % i: v for i, v in enumerate(values)}", "params[request.key] = 1", "sql = 'IN (%s)' % ', '.join(':' + p for p in params)"),
    inFunction("params = {'skip_%s' % i: v for i, v in enumerate(values)}", "for params in filters:", "    pass", "sql = 'IN (%s)' % ', '.join(':' + p for p in params)"),
    inFunction("params = {'skip_%s' % i: v for i, v in enumerate(values)}", "sql = 'IN (%s)' % ', '.join(\"'%s'\" % params[p] for p in params)"),
    inFunction('names = list(filters)', "sql = 'IN (%s)' % ','.join(':' + n for n in names)"),
    inFunction("names = ['n%d' % i for i in range(len(values))]", 'names.append(request.name)', "sql = 'IN (%s)' % ','.join(':' + n for n in names)"),
    inFunction("sql = 'IN (%s)' % ', '.join(str(i) for i in range(len(values)))"),
    inFunction("sql = 'IN (%s)' % ', '.join(':' + v for i, v in enumerate(values))"),
    // Names from a closure or the module: what they hold is not shown in the function.
    ["params = {'a': 1}", 'def f():', "    sql = 'IN (%s)' % ', '.join(':' + p for p in params)"].join('\n'),
  ])('%s fills in something else', (source) => {
    expect(holds(source)).toBe(false);
  });
});
