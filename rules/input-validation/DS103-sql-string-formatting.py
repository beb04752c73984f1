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
