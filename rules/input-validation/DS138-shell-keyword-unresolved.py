import subprocess
import subprocess as sp
from subprocess import Popen as pop

from nova import utils


def Popen(*args, **kwargs):
    return None


def run(command, use_shell, options):
    subprocess.call(command, shell=use_shell)  # expect: DS138 decided at run time
    sp.run(
        command,
        check=True,
        shell=options.get("shell"),  # expect: DS138
    )
    pop(command, shell=bool(options))  # expect: DS138
    Popen("/bin/gcc --version", shell=True)  # expect: DS138 a local function, not subprocess
    self_execute = options.execute
    self_execute(  # a wrapper that may hand it to subprocess
        "ls -l",
        shell=1,  # expect: DS138
    )
    subprocess.call(command, shell=True)  # ok: DS138 a certain shell is DS101's
    subprocess.call(command, shell=False)  # ok: DS138 shell off
    subprocess.call(command, shell=0)  # ok: DS138 a false constant
    utils.execute(command, shell=True)  # ok: DS138 a known execute is DS101's
    Popen("/bin/gcc --version", shell=False)  # ok: DS138 shell off
    options.configure(shell=None)  # ok: DS138 not true


def vendored(command):
    from glance.openstack.common import processutils as incubator_processutils

    incubator_processutils.execute(command, shell=True)  # ok: DS138 oslo-incubator's copy is known: DS101's
    incubator_processutils.ssh_execute(command, shell=True)  # expect: DS138 not the known execute


def add_users(distro, users):
    # cloud-init's distro API: `shell=` names each user's login shell.
    for name, config in users.items():
        distro.create_user(name,
                           shell=config.get("shell"),  # ok: DS138 a user's login shell, not a subprocess flag
                           groups=config.get("groups"))


def create_service_users(cloud, distro, host, users, script):
    # cloud-init's distro API and its look-alikes: `shell=` is a login shell, a path or a user's.
    distro.create_user("heat-admin",
                       shell="/bin/bash",  # ok: DS138 the user's login shell, a path to a shell program
                       sudo=["ALL=(ALL) NOPASSWD:ALL"])
    cloud.distro.add_user("backup", shell="/usr/bin/zsh")  # ok: DS138 a login shell
    host.configure_account("svc", shell="/sbin/nologin")  # ok: DS138 a path to nologin is a login shell, whatever the callee
    host.configure_account("svc", shell="/bin/false")  # ok: DS138 the same
    users.useradd("svc", shell="bash")  # ok: DS138 a user-management method takes a login shell
    distro.ensure_user("svc", shell="sh")  # ok: DS138 the same
    host.run_script(script, shell="bash")  # expect: DS138 a shell's name to a function that runs things
    host.run_as_user("svc", script, shell=True)  # expect: DS138 runs a command as a user: not one that manages users
    host.run_script(script, shell="/bin/bash -c")  # expect: DS138 a command line that runs a shell, not a login shell
