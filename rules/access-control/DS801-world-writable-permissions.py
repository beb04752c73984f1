import os
import os as _os
import stat
from os import chmod, makedirs
from stat import S_IRWXU, S_IWOTH

SHARED_DIR_MODE = 0o777
PRIVATE_MODE = 0o600


def publish(path, fd, key_path, st, mode):
    os.chmod(path, 0o777)  # expect: DS801
    _os.chmod(key_path, 0o666)  # expect: DS801
    chmod(path, 0o776)  # expect: DS801
    os.fchmod(fd, stat.S_IRUSR | stat.S_IWUSR | stat.S_IWOTH)  # expect: DS801
    chmod(path, S_IRWXU | S_IWOTH)  # expect: DS801
    os.chmod(path, 511)  # expect: DS801
    makedirs(path, mode=0o777, exist_ok=True)  # expect: DS801
    os.mkdir(path, 0o775)  # expect: DS801
    os.chmod(key_path, 0o600)  # ok: DS801 owner only
    os.chmod(path, 0o755)  # ok: DS801 others read and execute only
    os.chmod(path, stat.S_IRWXU | stat.S_IRGRP | stat.S_IROTH)  # ok: DS801 no write for others
    os.chmod(path, st.st_mode | stat.S_IROTH)  # ok: DS801 mode computed at run time
    os.chmod(path, mode)  # ok: DS801 mode chosen elsewhere
    makedirs(path, exist_ok=True)  # ok: DS801 no mode asked for: the umask decides
    os.makedirs(path, 0o700)  # ok: DS801 private directory


def make_share(path, mode=0o666):
    os.makedirs(path, SHARED_DIR_MODE)  # expect: DS801
    os.chmod(path, mode)  # expect: DS801
    os.chmod(path, PRIVATE_MODE)  # ok: DS801 module constant, owner only


def _mode_allows(path, bits):
    return os.stat(path).st_mode & bits


def check_key_permissions(key_path):
    # An SSH key's permissions read and checked, not set.
    if _mode_allows(key_path, 0o022):  # ok: DS801 a mask tested against the file's mode, nothing is changed
        raise PermissionError("%s is writable by others" % key_path)


def make_private(path, mode=0o600):
    os.chmod(path, mode)  # ok: DS801 default owner only
