import os
import tempfile
from os import open as os_open
from tempfile import mkstemp


def write_secret(data, directory):
    fd, path = tempfile.mkstemp(dir=directory)  # expect: DS404
    os.write(fd, data)
    os.close(fd)
    return path


def reserve(size):
    fd, path = mkstemp(prefix="reserve-")  # expect: DS404
    os.posix_fallocate(fd, 0, size)
    return path


def touch_lock(path):
    fd = os_open(path, os.O_CREAT | os.O_WRONLY, 0o600)  # expect: DS404
    if os.fstat(fd).st_size > 0:
        return False
    os.close(fd)
    return True


def scratch_file():
    __, scratch = tempfile.mkstemp(prefix="nvmet")  # expect: DS404
    return scratch


def direct_io_supported(path, flags):
    fd = os.open(  # expect: DS404
        path,
        flags | os.O_CREAT | os.O_WRONLY,
    )
    if flags & os.O_DIRECT:
        os.write(fd, b"\0" * 512)
        os.close(fd)
    return True


def write_atomically(data, directory):
    fd, path = tempfile.mkstemp(dir=directory)  # ok: DS404 os.fdopen in a with statement owns and closes it
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return path


def closed_in_finally(path, data):
    fd = os.open(path, os.O_WRONLY)  # ok: DS404 closed in finally
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def closed_at_once(directory):
    fd, path = tempfile.mkstemp(dir=directory)  # ok: DS404 closed before anything can fail
    os.close(fd)
    return path


def set_nonblocking(sock):
    fd = sock.fileno()  # ok: DS404 fileno() lends the socket's descriptor: the socket closes it
    os.set_blocking(fd, False)
    return sock


class Lock:
    def acquire(self, path):
        fd = os.open(path, os.O_CREAT | os.O_RDWR)  # ok: DS404 kept on self: release() closes it
        self._fd = fd

    def opened(self, path):
        fd = os.open(path, os.O_RDONLY)  # ok: DS404 returned to the caller
        return fd


def closed_on_error_too(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)  # ok: DS404 closed in the handler and after
    try:
        os.write(fd, data)
    except OSError:
        os.close(fd)
        raise
    os.close(fd)
