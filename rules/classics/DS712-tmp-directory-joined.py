"""Agents that keep their files under the temporary directory, the way real code does."""
import os
import os.path
import secrets
import tempfile
import uuid
from pathlib import Path
from tempfile import gettempdir as system_tmp

from oslo_config import cfg

CONF = cfg.CONF
SCRATCH_ROOT = "/var/tmp"


class KeepalivedManager(object):
    """neutron LP#1759250: the default directory is stored, then joined in another method."""

    def __init__(self, resource_id, config, conf_path="/tmp", namespace=None):
        self.resource_id = resource_id
        self.config = config
        self.conf_path = conf_path
        self.namespace = namespace

    def get_conf_dir(self):
        confs_dir = os.path.abspath(os.path.normpath(self.conf_path))
        conf_dir = os.path.join(confs_dir, self.resource_id)  # expect: DS712 the default /tmp, through self and two normalisations
        return conf_dir

    def get_full_config_file_path(self, filename):
        conf_dir = self.get_conf_dir()
        return os.path.join(conf_dir, filename)  # ok: DS712 a path already joined was reported where the name met the directory


def stage_firmware(node, data):
    """ironic's firmware staging: a folder named for the node in the system's temp dir."""
    tempdir = os.path.join(tempfile.gettempdir(), node.uuid)  # expect: DS712 a node's UUID is guessable
    os.makedirs(tempdir, exist_ok=True)
    with open(os.path.join(tempdir, "firmware.bin"), "wb") as f:  # ok: DS712 reported one line up
        f.write(data)


def lock_file(name):
    base = system_tmp()
    return os.path.join(  # expect: DS712 an aliased gettempdir, through a name, in a multi-line call
        base,
        "%s.lock" % name,
    )


def scratch_file(name):
    root = SCRATCH_ROOT
    return os.path.join(root, name)  # expect: DS712 a module constant naming /var/tmp


def _scratch_root():
    return tempfile.gettempdir()


def report_file(report_id):
    return os.path.join(_scratch_root(), "report-%s.json" % report_id)  # expect: DS712 through a same-file helper


def socket_path():
    return Path(tempfile.gettempdir()) / "agent.sock"  # expect: DS712 pathlib


def cache_file(grammar):
    cache_fn = tempfile.gettempdir() + "/.lark_%s.tmp" % grammar  # ok: DS712 a concatenation is not followed (see the rule)
    return cache_fn


def shm_segment(name, directory="/dev/shm/"):
    segment = os.path.join(directory, name)  # expect: DS712 a default naming /dev/shm
    return segment


def private_workdir(name):
    workdir = tempfile.mkdtemp()
    return os.path.join(workdir, name)  # ok: DS712 mkdtemp makes a private directory


def direct_literal(name):
    return os.path.join("/tmp", name)  # ok: DS712 the literal written in the join is DS702's


def configured(name):
    return os.path.join(CONF.state_path, name)  # ok: DS712 a directory the service owns


def named_temporary(data):
    with tempfile.NamedTemporaryFile(dir=tempfile.gettempdir()) as f:  # ok: DS712 a random name
        f.write(data)


def caller_chooses(tmpdir, name):
    return os.path.join(tmpdir, name)  # ok: DS712 a parameter with no default


def only_the_directory():
    tmp = tempfile.gettempdir()
    os.path.join(tmp)  # ok: DS712 nothing joined to it
    if not os.access(tmp, os.W_OK | os.X_OK):  # ok: DS712 a permission check on the directory, no name made in it
        raise RuntimeError("%s is not writable" % tmp)
    return os.path.exists(tmp)  # ok: DS712 the directory itself


def other_directory(name):
    base = "/tmpfiles.d"
    return os.path.join(base, name)  # ok: DS712 not the temporary directory


def mkstemp_there(suffix):
    fd, path = tempfile.mkstemp(suffix=suffix, dir=tempfile.gettempdir())  # ok: DS712 mkstemp picks a random name
    return fd, path


def stage_firmware(firmware_file_path, file_name, ext):
    # proliantutils: a random uuid in the name, then a hard link made there.
    staged = os.path.join(  # ok: DS712 uuid4 makes the name unguessable
        tempfile.gettempdir(), str(uuid.uuid4()) + "_" + file_name + ext)
    os.link(firmware_file_path, staged)
    scratch = Path(system_tmp()) / secrets.token_hex(8)  # ok: DS712 a random token
    return staged, scratch


def cache_download(url):
    tmp = tempfile.gettempdir()
    return os.path.join(tmp, uuid.uuid5(uuid.NAMESPACE_URL, url).hex)  # expect: DS712 uuid5 of the URL: anyone can compute it

