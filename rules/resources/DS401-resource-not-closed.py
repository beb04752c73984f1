import contextlib
import http.client
import json
import logging
import os
import socket
import sqlite3
import sys
import tempfile
import urllib.request
from socket import socket as Sock

import paramiko
import pymysql
from six.moves import http_client

LOG = logging.getLogger(__name__)


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


# Widened on the path analysis: connections of http.client, aliases, early returns, branches.


def check_health(host, port):
    conn = http.client.HTTPSConnection(host, port, timeout=5)  # expect: DS401
    conn.request("GET", "/healthcheck")
    resp = conn.getresponse()
    if resp.status != 200:
        LOG.warning("unhealthy: %s", resp.status)
        return False
    conn.close()
    return True


def send_line(address, line):
    s = Sock()  # expect: DS401
    s.connect(address)
    s.sendall(line.encode())
    s.close()


def count_rows(params, table, verbose=False):
    db = pymysql.connect(  # expect: DS401
        host=params["host"],
        user=params["user"],
        password=params["password"],
    )
    cursor = db.cursor()
    cursor.execute("SELECT COUNT(*) FROM %s" % table)
    if verbose:
        db.close()
    return cursor.fetchone()[0]


def read_header(path):
    f = open(path, "rb")  # expect: DS401
    try:
        magic = f.read(4)
    except IOError:
        LOG.exception("cannot read %s", path)
        return None
    f.close()
    return magic


def limits(address, body, headers):
    conn = http_client.HTTPConnection(address)  # expect: DS401
    conn.request("POST", "/", body, headers)
    resp = conn.getresponse()
    return resp.getheader("X-Wait-Seconds"), resp.read() or None


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


def probe_with_finally(host, port):
    conn = http.client.HTTPConnection(host, port, timeout=5)  # ok: DS401 closed in finally, early return included
    try:
        conn.request("HEAD", "/")
        if conn.getresponse().status != 200:
            return False
        return True
    finally:
        conn.close()


def closed_in_every_branch(address, urgent):
    s = Sock()  # ok: DS401 the handler and each branch close it
    try:
        s.connect(address)
    except OSError:
        s.close()
        return False
    if urgent:
        s.close()
        return True
    else:
        s.close()
    return None


def maybe_opened(path):
    f = None
    try:
        f = open(path)  # ok: DS401 `if f` in finally closes whatever was opened
        return f.read()
    finally:
        if f is not None:
            f.close()


class Client:
    def connect(self, host):
        sock = socket.create_connection((host, 443))  # ok: DS401 kept on self: the object owns it now
        if self._tls:
            sock = self._wrap(sock)
        self._sock = sock

    def opened(self, url):
        resp = urllib.request.urlopen(url, timeout=10)  # ok: DS401 returned to the caller on the only path
        if resp.status >= 400:
            LOG.error("fetch failed: %s", resp.status)
        return resp


def closed_by_helper(db):
    conn = sqlite3.connect(db)  # ok: DS401 handed to a helper, which may keep or close it
    return _run_and_close(conn, "VACUUM")


def _run_and_close(conn, sql):
    try:
        conn.execute(sql)
    finally:
        conn.close()


def handled_and_closed(path):
    f = open(path)  # ok: DS401 the handler swallows the error, then the file is closed
    try:
        data = json.load(f)
    except ValueError:
        data = None
    f.close()
    return data


def closed_when_done(address):
    s = socket.socket()  # ok: DS401 the loop leaves only by the break, which closes it
    while True:
        try:
            chunk = s.recv(4096)
        except OSError:
            s.close()
            raise
        if not chunk:
            s.close()
            break
        LOG.debug("got %d bytes", len(chunk))


def write_cache(path, cache):
    # reno's write_cache_db: standard output is not closed, a file opened here is, under a flag.
    if path == "-":
        stream = sys.stdout
        close_stream = False
    else:
        stream = open(path, "w", encoding="utf-8")  # ok: DS401 `close_stream`, set beside the open, guards the close in finally
        close_stream = True
    try:
        json.dump(cache, stream)
    finally:
        if close_stream:
            stream.close()


def export_rows(rows, directory, target=None):
    owned = False
    if target is None:
        owned = True
        out = open(os.path.join(directory, "rows.json"), "w")  # ok: DS401 the flag set just before the open guards the close
    else:
        out = target
    try:
        json.dump(rows, out)
    finally:
        if owned:
            out.close()


def write_report(path, rows):
    stream = open(path, "w")  # expect: DS401 the flag is set false again after the open, so the close may be skipped
    close_stream = True
    if not rows:
        close_stream = False
    try:
        stream.write(json.dumps(rows))
    finally:
        if close_stream:
            stream.close()


def copy_out(path, data, keep):
    out = open(path, "wb")  # expect: DS401 closed only when `keep` is false, a flag the open did not set
    try:
        out.write(data)
    finally:
        if not keep:
            out.close()


def append_all(paths, data):
    for path in paths:
        close_it = False
        handle = open(path, "a")  # expect: DS401 a flag set false again in the loop around the open guards nothing
        close_it = True
        handle.write(data)
    if close_it:
        handle.close()
