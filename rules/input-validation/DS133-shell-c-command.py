import subprocess

from nova import utils
from oslo_concurrency import processutils as putils


def copy_image(src, dst, host):
    putils.execute("sh", "-c", "dd if=%s | gzip > %s" % (src, dst))  # expect: DS133
    utils.execute("bash", "-c", f"echo 1 > /sys/block/{dst}/device/rescan", run_as_root=True)  # expect: DS133
    subprocess.check_call(["/bin/sh", "-c", "ssh " + host + " uptime"])  # expect: DS133
    subprocess.run(  # expect: DS133
        [
            "bash",
            "-c",
            "tar cf - %s | ssh %s tar xf -" % (src, host),
        ],
        check=True,
    )
    putils.execute("sh", "-c", 'dd if="$1" | gzip > "$2"', "sh", src, dst)  # ok: DS133 constant script, values as parameters
    subprocess.check_call(["sh", "-c", "sync; echo 3 > /proc/sys/vm/drop_caches"])  # ok: DS133 constant script
    subprocess.check_call(["ssh", "-c", "aes256-ctr", host, "uptime"])  # ok: DS133 not a shell
    subprocess.check_call(["bash", "-x", src])  # ok: DS133 runs a script file, not a -c string


def copy_image_dry_run(src, dst):
    # A --dry-run: the command is only shown, never run.
    print("Would run: %s" % " ".join(["sh", "-c", "dd if=%s | gzip > %s" % (src, dst)]))  # ok: DS133 joined into text for a dry-run message, nothing runs it


# StarlingX's region rename script: the environment of a sourced openrc file.
OPENRC_PATH = "/etc/platform/openrc"


def load_credentials():
    source_command = f"source {OPENRC_PATH} && env"
    with subprocess.Popen(  # ok: DS133 a name bound once to a command formatted from a module constant
        ["bash", "-c", source_command],
        stdout=subprocess.PIPE,
        universal_newlines=True,
    ) as proc:
        return proc.communicate()[0]


def load_credentials_from(openrc_path):
    source_command = f"source {openrc_path} && env"
    return subprocess.check_output(["bash", "-c", source_command], universal_newlines=True)  # expect: DS133 the path is the caller's


# StarlingX's log collector: the file name quoted for the shell.
from shlex import quote as shquote


def tail_rotated_log(filepath):
    proc = subprocess.run(  # ok: DS133 every value in the script quoted with shlex.quote (under an alias)
        ['sh', '-c', f'zcat {shquote(filepath)} | tail -50'],
        capture_output=True, text=True)
    return proc.stdout
