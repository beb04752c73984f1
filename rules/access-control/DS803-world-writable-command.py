import subprocess

from nova import utils
from oslo_concurrency import processutils


def share_console_log(path, socket_path):
    processutils.execute("chmod", "0777", path, run_as_root=True)  # expect: DS803
    utils.execute("chmod", "666", socket_path, run_as_root=True)  # expect: DS803
    subprocess.check_call(["chmod", "-R", "o+w", path])  # expect: DS803
    utils.execute(  # expect: DS803
        "/bin/chmod",
        "a+rw",
        path,
        run_as_root=True,
    )
    processutils.execute("chmod", "0644", path, run_as_root=True)  # ok: DS803 owner write only
    utils.execute("chmod", "755", path, run_as_root=True)  # ok: DS803 others read and execute only
    subprocess.check_call(["chmod", "go-w", path])  # ok: DS803 removes write
    utils.execute("chown", "0777", path, run_as_root=True)  # ok: DS803 not chmod


def share_console_log_dry_run(path):
    # A --dry-run: the command is only shown, never run.
    print("Would run: %s" % " ".join(["chmod", "0777", path]))  # ok: DS803 joined into text for a dry-run message, nothing runs it
