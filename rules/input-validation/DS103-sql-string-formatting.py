import sqlalchemy
from sqlalchemy import text


def find(cursor, session, name, table, user_id):
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)  # expect: DS103
    cursor.execute(f"DELETE FROM {table} WHERE id = {user_id}")  # expect: DS103
    cursor.executemany("INSERT INTO t VALUES ({})".format(name), [])  # expect: DS103
    session.execute(text("SELECT * FROM users WHERE name = '" + name + "'"))  # expect: DS103
    session.execute(sqlalchemy.text(f"SELECT {name}"))  # expect: DS103
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))  # ok: DS103 parametrised
    cursor.execute("SELECT * FROM users")  # ok: DS103 constant query
    session.execute(text("SELECT * FROM users WHERE name = :n"), {"n": name})  # ok: DS103 bound parameter
    cursor.execute(query_for(name))  # ok: DS103 not visibly formatted here
    log.info("SELECT %s" % name)  # ok: DS103 not executed
    cursor.execute(f"SELECT * FROM users WHERE id IN ({', '.join(['%s'] * len(user_id))})", user_id)  # ok: DS103 only placeholders formatted in
    cursor.execute(
        "DELETE FROM t WHERE id IN (%s)" % ",".join("?" for _ in user_id),  # ok: DS103 only placeholders formatted in
        user_id,
    )
    cursor.execute(f"SELECT * FROM t WHERE id IN ({', '.join(map(str, user_id))})")  # expect: DS103


def appliance(nms, path, size, table, base_query, where):
    nms.appliance.execute(  # a storage appliance's shell, not SQL
        "dd if=/dev/zero of=%(path)s bs=1M count=%(count)d" % {
            "path": path,  # ok: DS103 a shell command
            "count": size,
        }
    )
    nms.appliance.execute("truncate --size %(size)dG %(path)s" % {"path": path, "size": size})  # ok: DS103 coreutils truncate
    nms.appliance.execute("chmod ugo+rw %s" % path)  # ok: DS103 a shell command
    cursor.execute(
        "TRUNCATE TABLE %s" % table  # expect: DS103
    )
    cursor.execute(base_query + " WHERE name = '%s'" % where)  # expect: DS103 a clause appended


POLICY_STAT_TABLE_CREATE = "CREATE TABLE policy_stat (storage_policy_index INTEGER PRIMARY KEY)"


class Broker(object):
    # swift's account and container brokers: their schema formatted from constants.
    def migrate(self, conn, incoming, policy_index):
        query = "UPDATE container SET storage_policy_index = {storage_policy_index}"
        conn.execute(query.format(storage_policy_index="0"))  # ok: DS103 a literal filled in
        conn.executescript('BEGIN;' + POLICY_STAT_TABLE_CREATE +
                           'COMMIT;')  # ok: DS103 a module constant joined
        conn.execute(
            "SELECT sync_point FROM %s_sync WHERE remote_id=?"
            % ('incoming' if incoming else 'outgoing'), (policy_index,))  # ok: DS103 a choice between literals
        suffix = '_sync'
        conn.execute('SELECT * FROM outgoing%s' % suffix)  # ok: DS103 a local bound to a literal
        conn.execute(
            "SELECT sync_point FROM %s_sync WHERE remote_id=?"  # expect: DS103 a choice with a value in it
            % ('incoming' if incoming else policy_index), ())
        conn.execute("UPDATE policy_stat SET count = " + str(policy_index))  # expect: DS103 a value joined with +

    def sync_point(self, conn, remote_id, name):
        # Tables named by the broker's class: identifiers cannot be parameters.
        conn.execute('''
            SELECT * FROM %s WHERE ROWID > ? ORDER BY ROWID ASC LIMIT ?
        ''' % self.db_contains_type, (remote_id, 10))  # ok: DS103 a table name from the object
        conn.execute('UPDATE %s_stat SET put_timestamp = ?'
                     ' WHERE put_timestamp < ?' % self.db_type,
                     (remote_id, remote_id))  # ok: DS103 a table name glued to a suffix
        conn.execute(
            "SELECT * FROM %s WHERE name = '%s'" % (self.db_type, name))  # expect: DS103 a value in a quoted literal
        conn.execute("SELECT * FROM object WHERE name = %s" % self.name)  # expect: DS103 an attribute compared, a value


def rename_enum_types(op, renamed):
    for name in ('vnf_status', 'vim_status'):
        op.execute("DROP TYPE old_%s" % name)  # ok: DS103 a loop over constant names
    for name in renamed:
        op.execute("DROP TYPE old_%s" % name)  # expect: DS103 a loop over a parameter
    for name in ('vnf_status', 'vim_status'):
        name = name + renamed[0]
        op.execute("DROP TYPE old_%s" % name)  # expect: DS103 rebound in the loop


# congress's JSON ingester: psycopg2's own composition quotes the identifiers it fills in.
from psycopg2 import sql as pgsql


class JsonIngester(object):
    def _create_table(self, cur, table_name, create_table_statement):
        cur.execute(pgsql.SQL(create_table_statement).format(  # ok: DS103 psycopg2's SQL.format quotes the identifiers
            pgsql.Identifier(self.name),
            pgsql.Identifier(table_name)))
        delete_statement = pgsql.SQL("DELETE FROM {}.{} WHERE _key = %s")
        cur.execute(delete_statement.format(  # ok: DS103 the same, through a name
            pgsql.Identifier(self.name), pgsql.Identifier(table_name)), (self.key,))
        cur.execute("DELETE FROM {}.{}".format(self.name, table_name))  # expect: DS103 str.format, nothing quoted
        cur.execute(str(pgsql.SQL("SELECT * FROM {}")).format(table_name))  # expect: DS103 str.format of its text


# congress's own shim of psycopg2's `sql` module: SQL() returns the text, Identifier() checks and quotes.
def Identifier(identifier):
    if re.search('^[a-zA-Z_][a-zA-Z0-9_]*$', identifier):
        return '"' + identifier + '"'
    raise Exception('Unacceptable SQL identifier: {}'.format(identifier))


def drop_tables(cur, schema, tables):
    for table in tables:
        cur.execute("DROP TABLE {}.{}".format(  # ok: DS103 every value is a quoted identifier
            Identifier(schema),
            Identifier(table)))
        cur.execute("DROP TABLE {}.{}".format(Identifier(schema), table))  # expect: DS103 one value is not quoted


def run_check_from_task(remote, path):
    # fuel-qa: a task's check script run on a node over SSH, its path formatted into nothing else.
    res = remote.execute("{0}".format(path))  # ok: DS103 no SQL written out, run by a remote shell
    return res["exit_code"]


def proxy_reachable(env, proxy_url, cursor):
    with env.get_admin_remote() as admin_remote:
        check_cmd = '[[ $(curl -s -o /dev/null -w "%{{http_code}}" {0}) -eq 200 ]]'
        if admin_remote.execute(check_cmd.format(proxy_url))["exit_code"] == 0:  # ok: DS103 an admin node's shell, the template in a name
            return True
    cursor.execute("{0}".format(proxy_url))  # expect: DS103 a cursor: with nothing written out, the value may be a statement
    admin_remote.execute("mysql -e 'SELECT * FROM proxies WHERE url = \"%s\"'" % proxy_url)  # expect: DS103 SQL written out, run on the remote node
    return False


def drop_table(cur, table):
    # psycopg2's composition, the identifier built first: SQL.format quotes what it is given.
    ident = pgsql.Identifier(table)
    cur.execute(pgsql.SQL("DROP TABLE {}").format(ident))  # ok: DS103 psycopg2's SQL.format, whatever fills it
    cur.execute("DROP TABLE {}".format(table))  # expect: DS103 the name formatted in as text, unquoted


class StatusPage:
    # Software Factory's status page: the columns are the class's own list, the values bound.
    columns = [
        "zuul_build.uuid",
        "zuul_buildset.pipeline",
        "zuul_build.result",
    ]

    def builds(self, cursor, yesterday, now):
        cursor.execute(
            "SELECT %s FROM zuul_build "  # ok: DS103 the class's own column names and two placeholders
            "WHERE zuul_build.start_time > %s "
            "AND zuul_build.start_time <= %s" %
            (",".join(self.columns), "%s", "%s"), (yesterday, now))
        return cursor.fetchall()

    def set_columns(self, wanted):
        self.extra = wanted

    def more_builds(self, cursor):
        cursor.execute("SELECT %s FROM zuul_build" % ",".join(self.extra))  # expect: DS103 columns a caller chose
