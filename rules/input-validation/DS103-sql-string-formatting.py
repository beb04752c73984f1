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
