import contextlib
import json
import socket
import sqlite3
import tempfile
import urllib.request

import paramiko


def read_config(path):
    f = open(path)  # expect: DS401
    return json.load(f)


def load_twice(path):
    f = open(path)  # expect: DS401
    data = json.load(f)
    f.close()
    return data


def query(db):
    conn = sqlite3.connect(db)  # expect: DS401
    rows = conn.execute("SELECT 1").fetchall()
    conn.close()
    return rows


def fetch(url):
    resp = urllib.request.urlopen(url, timeout=10)  # expect: DS401
    return resp.read()


def probe(host):
    sock = socket.create_connection((host, 22), timeout=5)  # expect: DS401
    banner = sock.recv(64)
    if not banner:
        return None
    sock.close()
    return banner


def ssh(host):
    client = paramiko.SSHClient()  # expect: DS401
    client.connect(host)
    client.exec_command("uptime")


def spool(data):
    tmp = tempfile.NamedTemporaryFile(delete=False)  # expect: DS401
    tmp.write(data)
    print(tmp.name, file=tmp)
    return tmp.name


def managed(path):
    with open(path) as f:  # ok: DS401 a with statement
        return f.read()


def closed_in_finally(db):
    conn = sqlite3.connect(db)  # ok: DS401 closed in finally
    try:
        return conn.execute("SELECT 1").fetchall()
    finally:
        conn.close()


def closing_wrapper(url):
    resp = urllib.request.urlopen(url, timeout=10)  # ok: DS401 contextlib.closing closes it
    with contextlib.closing(resp):
        return resp.read()


def with_name(path):
    f = open(path)  # ok: DS401 the name is used in a with statement
    with f:
        return f.read()


def handed_back(path):
    f = open(path, "rb")  # ok: DS401 returned: the caller owns it
    return f


def stored(self, host):
    sock = socket.socket()  # ok: DS401 stored on an attribute
    sock.connect((host, 80))
    self._sock = sock


def passed_on(path, stack):
    f = open(path)  # ok: DS401 handed to a call that may keep it
    stack.enter_context(f)
    return f.readline()


def cleanup_registered(self, path):
    f = open(path)  # ok: DS401 registered for closing
    self.addCleanup(f.close)
    return f.read()


def writer_kept(self, path):
    f = open(path, "a")  # ok: DS401 a bound method of it is handed over and keeps it alive
    self.set_writer(f.write)


def detached(fd):
    sock = socket.socket(fileno=fd)  # ok: DS401 detached in finally: the descriptor is handed back
    try:
        return sock.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)
    finally:
        sock.detach()


def closed_at_once(path):
    f = open(path, "w")  # ok: DS401 nothing between the open and the close can fail first
    f.close()


def generator(path):
    f = open(path)  # ok: DS401 yielded to the caller
    yield f


def closed_both_ways(db):
    conn = sqlite3.connect(db)  # ok: DS401 closed on the error path and on the success path
    try:
        conn.execute("DELETE FROM t")
    except Exception:
        conn.close()
        raise
    conn.close()


def not_a_resource(path):
    f = os.path.join(path, "x")  # ok: DS401 not a resource
    return f
