import subprocess
import subprocess as sp

from oslo_concurrency import processutils


def housekeeping(path):
    subprocess.call("ls -l /srv", shell=True)  # expect: DS137
    sp.check_output("uptime", shell=True)  # expect: DS137
    subprocess.run("sync; echo 3 > /proc/sys/vm/drop_caches", shell=True)  # expect: DS137
    subprocess.run(  # the finding is on the shell=True line
        "df -h",
        check=True,
        shell=True,  # expect: DS137
    )
    processutils.execute("sync", shell=True)  # expect: DS137
    subprocess.call("ls -l " + path, shell=True)  # ok: DS137 a value in the command is DS101's
    subprocess.call(["ls", "-l", "/srv"])  # ok: DS137 argument list
    subprocess.call("ls -l /srv", shell=False)  # ok: DS137 no shell
    subprocess.call(f"ls -l {path}", shell=True)  # ok: DS137 f-string is DS101's


def truthy_shell_values():
    subprocess.call("uptime", shell=1)  # expect: DS137 1 is true
    sp.check_output(
        "ls -l /srv",
        shell="yes",  # expect: DS137
    )
    subprocess.call("uptime", shell=0)  # ok: DS137 0 is false
    subprocess.call("uptime", shell=None)  # ok: DS137 None is false


def check_sheepdog():
    from glance.openstack.common import processutils as incubator_processutils

    incubator_processutils.execute("collie", shell=True)  # expect: DS137
    incubator_processutils.execute("collie", "vdi", "list")  # ok: DS137 no shell


def configure_vpnaas(driver):
    # group-based-policy's setup tool: one constant script, in a one-item list.
    subprocess.call(["grep -q '^service_provider' /etc/neutron/neutron_vpnaas.conf || echo missing"],
                    shell=True)  # expect: DS137
    subprocess.call(["echo %s" % driver],
                    shell=True)  # ok: DS137 a value formatted in: DS101's


def create_service_user(distro):
    # cloud-init's distro API: `shell=` is the new user's login shell, not a way to run a command.
    distro.create_user("heat-admin",
                       shell="/bin/bash",  # ok: DS137 the user's login shell, nothing is run
                       sudo=["ALL=(ALL) NOPASSWD:ALL"])
