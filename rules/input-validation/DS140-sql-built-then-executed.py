import sqlalchemy
from sqlalchemy import text

ALLOWED_TABLES = {"users", "groups"}
TABLE = "users"


def _where_name(name):
    """A same-file helper that returns a formatted clause."""
    return "WHERE name = '%s'" % name


class Repo(object):
    def __init__(self, conn, owner):
        self.conn = conn
        self._owner_sql = "SELECT * FROM vms WHERE owner = '%s'" % owner

    def by_name(self, cursor, name):
        sql = "SELECT * FROM users WHERE name = '%s'" % name
        cursor.execute(sql)  # expect: DS140

    def by_id(self, cursor, table, user_id):
        query = f"DELETE FROM {table} WHERE id = {user_id}"
        query += " LIMIT 1"
        cursor.execute(  # expect: DS140
            query,
        )

    def by_helper(self, cursor, name):
        sql = "SELECT * FROM users " + _where_name(name)
        cursor.execute(sql)  # expect: DS140

    def owned(self, cursor):
        cursor.execute(self._owner_sql)  # expect: DS140

    def many(self, session, names):
        stmt = "INSERT INTO t (name) VALUES ('{}')".format(names[0])
        session.execute(text(stmt))  # expect: DS140
        session.connection().exec_driver_sql(stmt)  # expect: DS140

    def concat(self, cursor, where):
        clause = " WHERE name = '" + where + "'"
        sql = "SELECT * FROM users"
        sql += clause
        cursor.executemany(sql, [])  # expect: DS140

    def direct(self, cursor, name):
        cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)  # ok: DS140 formatted in the call: DS103 reports it

    def parametrised(self, cursor, name):
        sql = "SELECT * FROM users WHERE name = %s"
        cursor.execute(sql, (name,))  # ok: DS140 a bound parameter

    def numeric(self, cursor, limit):
        sql = "SELECT * FROM users LIMIT %d" % int(limit)
        cursor.execute(sql)  # ok: DS140 int() cannot carry a quote

    def constant_table(self, cursor):
        sql = "SELECT * FROM %s" % TABLE
        cursor.execute(sql)  # ok: DS140 an upper-case constant

    def placeholders(self, cursor, ids):
        marks = ", ".join(["%s"] * len(ids))
        sql = f"SELECT * FROM users WHERE id IN ({marks})"
        cursor.execute(sql, ids)  # ok: DS140 only placeholders formatted in

    def allow_listed(self, cursor, table):
        if table not in ALLOWED_TABLES:
            raise ValueError(table)
        sql = "SELECT * FROM %s" % table
        cursor.execute(sql)  # ok: DS140 membership in a constant set

    def not_sql(self, nms, path):
        cmd = "dd if=/dev/zero of=%s bs=1M" % path
        nms.appliance.execute(cmd)  # ok: DS140 a shell command, not SQL

    def passed_in(self, cursor, sql):
        cursor.execute(sql)  # ok: DS140 built by the caller, not here

    def command_line(self, namespace, cmd):
        cmd = ['sysctl', '-w'] + cmd
        wrapper = ip_lib.IPWrapper(namespace=namespace)
        wrapper.netns.execute(cmd, run_as_root=True)  # ok: DS140 a list joined, a command line, not SQL

    def rules_for_table(self, table):
        args = ['iptables-save', '-t', table]
        if self.namespace:
            args = ['ip', 'netns', 'exec', self.namespace] + args
        return linux_utils.execute(args,
                                   run_as_root=True)  # ok: DS140 lists joined with +

    def conntrack(self, rule, zone_id, net):
        cmd = self._base_cmd(rule)
        ip_cmd = [str(net), '-w', zone_id]
        for line in [cmd + ip_cmd]:
            self.execute(list(line), run_as_root=True)  # ok: DS140 a name only ever assigned a list

    def vtysh(self, vtysh_args: list[str]):
        cmd = self._vtysh_base_cmd + vtysh_args
        return linux_utils.execute(cmd, run_as_root=True)  # ok: DS140 a parameter annotated as a list

    def where_appended(self, cursor, where):
        base = "SELECT * FROM users"
        sql = base + where
        cursor.execute(sql)  # expect: DS140 two strings joined, not lists


def drop_foreign_keys(op, bind, tables_to_fix):
    # tacker's migrations: table and constraint names from constants in the code.
    engine = bind.engine
    fk_tables = ('servicetypes', 'vnf', 'vnfd_attribute')
    fk_prefixes = {"servicetypes": "servicetypes", "vnf": "devices",
                   "vnfd_attribute": "devicetemplateattributes"}
    for table in fk_tables:
        if engine.name == 'postgresql':
            alter_sql = f"ALTER TABLE {table} \
                DROP CONSTRAINT {fk_prefixes[table]}_template_id_fkey;"
        else:
            alter_sql = f"ALTER TABLE {table} \
                DROP FOREIGN KEY {table}_ibfk_1;"
        op.execute(alter_sql)  # ok: DS140 a loop over constant names, a constant mapping
    for table in tables_to_fix:
        drop_sql = f"ALTER TABLE {table} DROP FOREIGN KEY {table}_ibfk_1;"
        op.execute(drop_sql)  # expect: DS140 a loop over a parameter
    for name in ('vnf', 'vims'):
        key = fk_prefixes[name + engine.name]
        drop_index = f"DROP INDEX {key}"
        op.execute(drop_index)  # expect: DS140 a key built at run time


from sqlalchemy import text as sql_text


def get_non_innodb_tables(connectable, skip_tables=('migrate_version',
                                                   'alembic_version')):
    """oslo.db's utils: bind parameter names built from a constant and an index."""
    query_str = """
        SELECT table_name
        FROM information_schema.tables
        WHERE table_schema = :database AND
              engine != 'InnoDB'
    """

    params = {}
    if skip_tables:
        params = {
            'skip_%s' % i: table_name
            for i, table_name in enumerate(skip_tables)
        }

        placeholders = ', '.join(':' + p for p in params)
        query_str += ' AND table_name NOT IN (%s)' % placeholders

    params['database'] = connectable.engine.url.database
    query = sql_text(query_str)  # ok: DS140 only bind names made of a constant and an index
    with connectable.connect() as conn:
        return conn.execute(query, params)


def count_in_range(conn, values):
    binds = {}
    for i, value in enumerate(values):
        binds['v{}'.format(i)] = value
    names = ', '.join('%%(%s)s' % name for name in binds.keys())
    sql = 'SELECT count(*) FROM t WHERE v IN (%s)' % names
    return conn.execute(sql, binds)  # ok: DS140 pyformat binds named by index, added in a loop


def select_indexed(conn, values):
    marks = ", ".join(f":p{i}" for i in range(len(values)))
    sql = "SELECT * FROM t WHERE v IN (" + marks + ")"
    return conn.execute(sql_text(sql), {f"p{i}": v for i, v in enumerate(values)})  # ok: DS140 names from range()


def select_listed(conn, values):
    names = ['n%d' % i for i in range(len(values))]
    marks = ','.join(':' + n for n in names)
    sql = "DELETE FROM t WHERE v IN (%s)" % marks
    return conn.execute(sql_text(sql), dict(zip(names, values)))  # ok: DS140 a list of names built from an index


def filter_by(conn, filters):
    marks = ' AND '.join(':' + k for k in filters)
    sql = "SELECT * FROM t WHERE %s" % marks
    return conn.execute(sql_text(sql), filters)  # expect: DS140 the keys come from the caller


def filter_request(conn, request):
    params = request.args
    marks = ', '.join(':' + k for k in params)
    sql = "SELECT * FROM t WHERE id IN (%s)" % marks
    return conn.execute(sql_text(sql), params)  # expect: DS140 the keys come from the request


def filter_updated(conn, skip_tables, extra):
    params = {'skip_%s' % i: t for i, t in enumerate(skip_tables)}
    params.update(extra)
    marks = ', '.join(':' + p for p in params)
    sql = "SELECT * FROM t WHERE name NOT IN (%s)" % marks
    return conn.execute(sql_text(sql), params)  # expect: DS140 the caller's keys added by update()


def filter_keyed_by_value(conn, skip_tables):
    params = {'skip_%s' % t: t for t in skip_tables}
    marks = ', '.join(':' + p for p in params)
    sql = "SELECT * FROM t WHERE name NOT IN (%s)" % marks
    return conn.execute(sql_text(sql), params)  # expect: DS140 keys made of the values, not an index


def filter_values_joined(conn, skip_tables):
    params = {'skip_%s' % i: t for i, t in enumerate(skip_tables)}
    marks = ', '.join("'%s'" % params[p] for p in params)
    sql = "SELECT * FROM t WHERE name NOT IN (%s)" % marks
    return conn.execute(sql_text(sql))  # expect: DS140 the values themselves, quoted into the text


class NetnsWrapper(object):
    # neutron-vpnaas's libreswan driver: the mount paths formatted into an argument of a command line.
    def execute(self, ip_wrapper, cmd, mount_paths, check_exit_code=True):
        mount_paths_str = ','.join(
            "{}:{}".format(source, target)
            for source, target in mount_paths.items())
        ns_wrapper = self.get_ns_wrapper()
        return ip_wrapper.netns.execute(  # ok: DS140 an argument vector written in the call, not SQL
            [ns_wrapper,
             '--mount_paths=%s' % mount_paths_str,
             '--cmd={},{}'.format(self.binary, ','.join(cmd))],
            check_exit_code=check_exit_code)

    def select_rows(self, cursor, table_filter):
        where = "WHERE name = '%s'" % table_filter
        sql = "SELECT * FROM t " + where
        return cursor.execute(sql)  # expect: DS140 a string, built from a value


class IfcfgConfig(object):
    """os-net-config: an `execute(msg, cmd, *args)` of its own logs `msg` and runs `cmd`."""

    def ethtool_commands(self, device_name, values):
        commands = []
        for command_opts in values["ETHTOOL_OPTS"].split(';'):
            if device_name in command_opts:
                commands.append("%s" % command_opts)
        return commands

    def apply(self, ipcmd, interface, values):
        for command in self.ethtool_commands(interface, values):
            args = command.split()
            self.execute('Running ip %s' % command, ipcmd, *args)  # ok: DS140 a log message opens what runs: not SQL
            self.execute('Running ethtool %s'  # ok: DS140 multi-line, still a message
                         % command, ipcmd, *args)


class Reclaimer(object):
    """swift's reclaim: a query built with `%` is run with a clause added, its head not written there."""

    def __init__(self, broker, age_timestamp):
        self.clean_batch_query = '''
            DELETE FROM %s WHERE deleted = 1
            AND name >= ? AND %s < '%s'
        ''' % (broker.db_contains_type, broker.db_reclaim_timestamp, age_timestamp)

    def reclaim(self, conn, marker, end_marker):
        return conn.execute(self.clean_batch_query + ' AND name < ?',  # expect: DS140 the head is the formatted query
                            (marker, end_marker))


class IptablesDriver(object):
    """networking-cisco's DFA agent: an iptables argument vector built in a name, then run."""

    def update_ip_rule(self, ip, mac, chain):
        update_cmd = ['iptables', '-R', '%s' % chain,
                      '-s', '%s/32' % ip, '--mac-source', '%s' % mac, '-j', 'RETURN']
        dsl.execute(update_cmd, self._root_helper, log_output=False)  # ok: DS140 an argument vector, not a statement

    def find_rule(self, cursor, chain):
        stmt = '%s' % chain
        cursor.execute(stmt)  # expect: DS140 a string with nothing written out may be anything


class RunnableController(object):
    """picasso's API: a function's route, formatted as a path, handed to its client's execute."""

    async def run(self, request, fnclient, loop):
        app = request.match_info.get('app')
        path = "/{}".format(request.match_info.get('route'))
        fn_app = await fnclient.apps.show(app, loop=loop)
        return await fn_app.routes.execute(  # ok: DS140 a route's path, not a statement
            path, loop=loop)

    def hinted(self, cursor, request):
        query = "/* index hint */ SELECT * FROM runs WHERE app = '{}'".format(request.match_info.get('app'))
        cursor.execute(query)  # expect: DS140 a comment opens the statement


class ReportQueries(object):
    def by_owner(self, cursor, owner):
        sql = "SELECT * FROM reports WHERE owner = '%(owner)s'" % {"owner": owner}
        cursor.execute(sql)  # expect: DS140 the owner through a dict of values

    def by_escaped_owner(self, conn, cursor, owner):
        sql = "SELECT * FROM reports WHERE owner = %s" % conn.escape(owner)
        cursor.execute(sql)  # ok: DS140 quoted by the driver
