"""Writes scratch files; docstrings may mention /tmp/example without being flagged."""
import os
import shutil
import tempfile
from os import path as osp
from pathlib import Path

from oslo_config import cfg

opts = [
    cfg.StrOpt("lock_path", default="/var/tmp/nova-locks"),  # expect: DS702
    cfg.StrOpt("state_path", default="/var/lib/nova"),  # ok: DS702 service-owned directory
]


def scratch(name, output):
    with open("/tmp/nova-console.log", "w") as f:  # expect: DS702
        f.write(output)
    shutil.copy(name, f"/tmp/{name}.bak")  # expect: DS702
    os.makedirs("/dev/shm/nova/cache", exist_ok=True)  # expect: DS702
    workdir = tempfile.mkdtemp(dir="/tmp")  # ok: DS702 mkdtemp makes a private directory in /tmp
    with open("/tmpfiles.d/nova.conf") as conf:  # ok: DS702 not the temporary directory
        conf.read()
    default_dir = "/tmp/nova"  # expect: DS702 kept in a name, used as a path below
    with tempfile.NamedTemporaryFile(dir=workdir) as tmp:  # ok: DS702 random name
        tmp.write(b"x")
    log_path = os.path.join("/tmp", name + ".log")  # expect: DS702
    pid_file = osp.join(  # ok: DS702 reported on the directory's line
        "/var/tmp/",  # expect: DS702
        name,
    )
    sock = Path("/tmp") / "nova.sock"  # expect: DS702
    home = os.path.join("/var/lib/nova", name)  # ok: DS702 service-owned directory
    tmp_root = Path("/tmp")  # ok: DS702 the directory itself, nothing named in it
    use_shm = os.access("/dev/shm", os.W_OK)  # ok: DS702 asks whether the directory is writable, names nothing in it
    return default_dir, log_path, pid_file, sock, home, tmp_root, use_shm


_VOPT_TMPDIR = '/tmp/cfgdrv/'  # expect: DS702 a module constant used as a directory below
USAGE = "Write the ISO to /tmp/cfgdrv/ and upload it"  # ok: DS702 prose that mentions a path


class ConfigDrive(object):
    CASSANDRA_TEMP_CONF = "/tmp/cassandra.yaml"  # expect: DS702 a class attribute

    def __init__(self, conf_path='/tmp/guest-agent.conf',  # expect: DS702 a parameter default
                 tmp_dir='/tmp'):  # ok: DS702 the directory alone, for mkstemp(dir=...)
        self.conf_path = conf_path
        self.sock_path = "/var/tmp/guest-agent.sock"  # expect: DS702 an attribute
        self.fd, self.path = tempfile.mkstemp(dir=tmp_dir)

    def create_iso(self, file_name, contents: str, staging: str = "/dev/shm/staging/"):  # expect: DS702 a typed default
        if not os.path.exists(_VOPT_TMPDIR):
            os.mkdir(_VOPT_TMPDIR)
        iso_path = os.path.join(_VOPT_TMPDIR, file_name)
        build_dir = "tmp/build"  # ok: DS702 a relative path
        scratch_root = "/tmp"  # ok: DS702 the directory alone
        return iso_path, build_dir, scratch_root, staging, contents
