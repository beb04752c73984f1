import logging
import subprocess
import subprocess as sp
from subprocess import PIPE, Popen

LOG = logging.getLogger(__name__)


def tool_version(binary):
    proc = subprocess.Popen([binary, "--version"], stdout=subprocess.PIPE)  # expect: DS403
    line = proc.stdout.readline()
    if not line:
        return None
    proc.wait()
    return line.decode().strip()


def start_tail(path):
    tail = Popen(["tail", "-n", "20", path], stdout=PIPE, stderr=PIPE)  # expect: DS403
    for line in tail.stdout:
        LOG.info("%s", line.rstrip())


def feed(cmd, data):
    child = sp.Popen(  # expect: DS403
        cmd,
        stdin=sp.PIPE,
        stdout=sp.DEVNULL,
    )
    child.stdin.write(data)
    child.stdin.close()


def disk_usage(path, human=False):
    proc = subprocess.Popen(["du", "-s", path], stdout=subprocess.PIPE)  # expect: DS403
    if human:
        out, _err = proc.communicate(timeout=30)
        return out.decode()
    return proc.pid


def first_line(cmd):
    p = Popen(cmd, stdout=PIPE, universal_newlines=True)  # expect: DS403
    for line in p.stdout:
        if line.strip():
            return line
    p.wait()
    return None


def run(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # ok: DS403 communicate reaps it
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


def run_captured(cmd):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # ok: DS403 run() waits for the process itself
    if result.returncode:
        return None
    return result.stdout


def managed(cmd):
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc:  # ok: DS403 a with statement
        return proc.stdout.read()


def no_pipes(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)  # ok: DS403 no pipe to leak
    return proc.pid


class Daemon:
    def start(self, cmd):
        proc = Popen(cmd, stdout=PIPE, stderr=PIPE)  # ok: DS403 kept on self: the object waits for it later
        self._proc = proc

    def spawn(self, cmd):
        proc = Popen(cmd, stdin=PIPE)  # ok: DS403 returned to the caller
        LOG.debug("started %s", proc.pid)
        return proc


def waited_in_finally(cmd, data):
    proc = sp.Popen(cmd, stdin=sp.PIPE)  # ok: DS403 waited for in finally, whatever happens
    try:
        proc.stdin.write(data)
        proc.stdin.close()
    finally:
        proc.wait()


def polled(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)  # ok: DS403 waited for on the early return and at the end
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        proc.wait()
        return None
    while proc.poll() is None:
        line += proc.stdout.readline()
    return line
