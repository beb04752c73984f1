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
    'def f():\n    for t in ("vnf", "vims"):\n        x = f"ALTER TABLE {t}"',
    'def f():\n    tables = ("vnf", "vims")\n    prefixes = {"vnf": "devices", "vims": "vims"}\n    for t in tables:\n        x = f"DROP CONSTRAINT {prefixes[t]}_fkey"',
    // oslo.db: bind names from a constant and an index, joined into a name first.
    "def f(skip_tables):\n    params = {}\n    if skip_tables:\n        params = {'skip_%s' % i: t for i, t in enumerate(skip_tables)}\n        placeholders = ', '.join(':' + p for p in params)\n        x = ' AND table_name NOT IN (%s)' % placeholders",
    // StarlingX's OVS plugin: constants joined with a constant separator.
    'OVS_APPCTL = "ovs-appctl"\nBOND_LIST = "bond/list"\nx = "".join([OVS_APPCTL, " --target=", SOCKET, " ", BOND_LIST])',
    'x = " ".join(("ovs-vsctl", "list-br"))',
    // The name bound on the line before, though bound otherwise further on.
    'def f(v):\n    if v:\n        cmd = "ovs-appctl " + v\n    cmd = "".join(["ovs-appctl ", BOND_LIST])\n    x = cmd',
  ])('%j fills in only constants', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'x = "SELECT * FROM %s" % table',
    'x = "".join([OVS_APPCTL, " bond/show ", port.name])',
    'x = "".join([OVS_APPCTL] + names)',
    'x = "".join([OVS_APPCTL, *names])',
    'x = sep.join([OVS_APPCTL, BOND_LIST])',
    // Bound just before, but also bound by the reading statement, or two statements before with a branch between.
    'def f(v):\n    cmd = "ovs-appctl"\n    if v:\n        cmd = v\n    x = cmd',
    "x = 'SELECT * FROM %s_sync' % ('incoming' if incoming else name)",
    'x = "UPDATE t SET i = {i}".format(i=value)',
    "x = 'DROP USER ' + user",
    'def f(suffix="_sync"):\n    suffix = suffix.strip()\n    x = "SELECT * FROM t%s" % suffix',
    'x = f"SELECT * FROM {self.db_type}"',
    'x = "SELECT 1"',
    'x = query',
    'def f(tables):\n    for t in tables:\n        x = f"ALTER TABLE {t}"',
    'def f():\n    for t in ("vnf", "vims"):\n        t = t.upper()\n        x = f"ALTER TABLE {t}"',
    'def f(prefixes):\n    for t in ("vnf",):\n        x = f"DROP CONSTRAINT {prefixes[t]}"',
    'def f(key):\n    prefixes = {"vnf": "devices"}\n    x = f"DROP CONSTRAINT {prefixes[key]}"',
    "def f(filters):\n    placeholders = ', '.join(':' + p for p in filters)\n    x = ' AND name NOT IN (%s)' % placeholders",
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });
});

describe('fills-only-constants on a name bound once', () => {
  const holdsFor = (source: string) => {
    const { node, imports } = assignedValue(`${source}\n`);
    return fillsOnlyConstants.test(node, true, { path: 'app.py', imports });
  };

  it('follows a name bound once to a formatted string of constants, read inside a `with`', () => {
    const source = 'OPENRC_PATH = "/etc/platform/openrc"\ndef load():\n    source_command = f"source {OPENRC_PATH} && env"\n    with Popen(["bash", "-c", source_command]) as proc:\n        x = source_command';
    expect(holdsFor(source)).toBe(true);
  });

  it.each([
    'def load(path):\n    source_command = f"source {path} && env"\n    x = source_command',
    'def load(source_command=f"source {P}"):\n    x = source_command',
    'def load():\n    cmd = f"source {OPENRC_PATH}"\n    with open(p) as cmd:\n        x = cmd',
  ])('%j: not', (source) => {
    expect(holdsFor(source)).toBe(false);
  });
});
