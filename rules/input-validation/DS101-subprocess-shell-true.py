import subprocess

NEUTRON_CONF = "/etc/neutron/neutron.conf"
import subprocess as sp
from subprocess import Popen, check_output

from nova import utils
from oslo_concurrency import processutils


def run(cmd, archive, host):
    subprocess.call(cmd, shell=True)  # expect: DS101
    sp.run("tar xf " + archive, shell=True)  # expect: DS101
    Popen(f"ping -c 1 {host}", shell=True)  # expect: DS101
    check_output("ls %s" % archive, shell=True)  # expect: DS101
    subprocess.run(
        cmd,
        check=True,
        shell=True,  # expect: DS101
    )
    subprocess.call(cmd, shell=False)  # ok: DS101 shell is off
    subprocess.call(["tar", "xf", archive])  # ok: DS101 argument list
    subprocess.call("ls -l", shell=True)  # ok: DS101 constant command, no value reaches the shell
    os_call(cmd, shell=True)  # ok: DS101 not subprocess
    subprocess.call(cmd, shell=True)  # nosec B602


def mount(share, mount_point, options):
    processutils.execute(  # ok: DS101 the finding is on the shell=True line
        "mount -o %s %s %s" % (options, share, mount_point),
        run_as_root=True,
        shell=True,  # expect: DS101
    )
    utils.execute(f"mkfs.ext4 {share}", shell=True)  # expect: DS101
    processutils.execute("mount", "-o", options, share, mount_point)  # ok: DS101 argument list, no shell
    utils.execute("sync; sync", shell=True)  # ok: DS101 constant command
    subprocess.call(  # a comment is not the command
        "ls -l",
        shell=True,  # ok: DS101 constant command after a comment
    )


def truthy_shell_values(command, archive):
    # Python decides `shell` by truth value, so any truthy constant turns the shell on.
    subprocess.call(command, shell="True")  # expect: DS101
    sp.call(command, shell="False")  # expect: DS101 a non-empty string is true
    subprocess.call(command, shell=1)  # expect: DS101
    Popen(
        "tar xf %s" % archive,
        shell=[True],  # expect: DS101
    )
    subprocess.call(command, shell={"IS": "True"})  # expect: DS101
    subprocess.call(command, shell=0)  # ok: DS101 zero is false
    subprocess.call(command, shell=None)  # ok: DS101 None is false
    sp.call(command, shell="")  # ok: DS101 an empty string is false
    subprocess.call(command, shell=[])  # ok: DS101 an empty list is false
    subprocess.call(command, shell={})  # ok: DS101 an empty dict is false


from glance.openstack.common import processutils as incubator_processutils  # noqa: E402


class SheepdogStore(object):
    def _run_command(self, command, data, *params):
        cmd = "collie vdi %(command)s -a %(addr)s -p %(port)d %(name)s %(params)s" % {
            "command": command, "addr": self.addr, "port": self.port, "name": self.name,
            "params": " ".join(map(str, params))}
        return incubator_processutils.execute(cmd, process_input=data, shell=True)[0]  # expect: DS101

    def _list(self):
        return incubator_processutils.execute("collie", "vdi", "list", "-r")[0]  # ok: DS101 argument list, no shell

    def _check(self):
        incubator_processutils.execute("collie", shell=True)  # ok: DS101 constant command (DS137's)


def resize_share(share, size):
    # Any project's vendored copy: sahara, manila… (`*.openstack.common.processutils.execute`).
    import manila.openstack.common.processutils
    from sahara.openstack.common import processutils as sahara_processutils

    cmd = "resize2fs %s %dG" % (share["path"], size)
    sahara_processutils.execute(cmd, shell=True)  # expect: DS101
    manila.openstack.common.processutils.execute(
        cmd,
        shell=True)  # expect: DS101
    sahara_processutils.execute("resize2fs", share["path"])  # ok: DS101 argument list, no shell


def run_in_incubator_tree(path):
    # oslo-incubator's own tree: the module path with no project above it.
    from openstack.common import processutils as incubator

    incubator.execute("ls -l %s" % path, shell=True)  # expect: DS101


def look_alike(path):
    # Neither is a processutils copy: `openstack.commons` and a local `execute`.
    from myapp.openstack.commons import processutils as other
    from myapp.shell import execute

    other.execute("ls -l %s" % path, shell=True)  # ok: DS101 not a processutils copy (DS138 says the shell keyword is unresolved)
    execute("ls -l %s" % path, shell=True)  # ok: DS101 not a processutils copy


PURGE = "heat-manage purge_deleted 0"


def purge_deleted(self, stack_identifier, days):
    # heat's integration tests: a command bound once to a constant, in the function or the module.
    cmd = "heat-manage purge_deleted 0"
    processutils.execute(cmd, shell=True)  # ok: DS101 a local bound once to a constant string
    processutils.execute(PURGE,
                         shell=True)  # ok: DS101 a module constant
    cmd = "heat-manage purge_deleted 0"
    processutils.execute(cmd,
                         shell=True)  # ok: DS101 assigned twice, the same constant each time
    older = "heat-manage purge_deleted %s" % days
    processutils.execute(older, shell=True)  # expect: DS101 bound once, but to a formatted string
    again = "heat-manage purge_deleted 0"
    again = again + " " + stack_identifier
    processutils.execute(again, shell=True)  # expect: DS101 rebound with a value from outside


def configure_service_vm(cidr, table):
    # group-based-policy: a constant shell script in a one-item list, a command of literals and a
    # module constant, and the service VM's configurator formatting a request's CIDR in.
    subprocess.call(["grep -q '^service_provider' /etc/neutron/neutron_vpnaas.conf; "
                     "if [[ $? = 1 ]]; then echo missing; fi"],
                    shell=True)  # ok: DS101 a list of constant strings: DS137's
    subprocess.call("crudini --set " + NEUTRON_CONF + " DEFAULT debug True",
                    shell=True)  # ok: DS101 a literal and a module constant
    ip_rule_command = "ip rule add to %s table main" % (cidr)
    subprocess.Popen(ip_rule_command, shell=True,  # expect: DS101 a request's CIDR formatted in
                     stdout=subprocess.PIPE)
    subprocess.Popen(["ip route add table %s default" % table],
                     shell=True)  # expect: DS101 a value formatted into the list's command


# StarlingX's software agent hooks: kernel parameters added through a helper script.
def add_kthread_prio():
    default_kthread_prio = 'rcutree.kthread_prio=21'
    cmd = f"python /usr/local/bin/puppet-update-grub-env.py --add-kernelparams {default_kthread_prio}"
    subprocess.run(cmd, shell=True, check=True, capture_output=True)  # ok: DS101 a name bound once to a command formatted from a local literal


def add_kernel_params(params):
    cmd = f"python /usr/local/bin/puppet-update-grub-env.py --add-kernelparams {params}"
    subprocess.run(cmd, shell=True, check=True, capture_output=True)  # expect: DS101 the parameters are the caller's


def tail_log(path, lines):
    import shlex
    subprocess.run(f"zcat {shlex.quote(path)} | tail -{shlex.quote(str(lines))}", shell=True)  # ok: DS101 every value quoted for the shell
    subprocess.run(f"zcat {shlex.quote(path)} | tail -{lines}", shell=True)  # expect: DS101 one value left unquoted


# StarlingX's collectd OVS plugin: commands joined from module constants, `cmd` bound again below.
OVS_APPCTL = "ovs-appctl"
OVS_VSWITCHD_SOCKET = ""
BOND_LIST = "bond/list"
BOND_SHOW = "bond/show"


def read_bonds(ports):
    # handle bond
    cmd = "".join([OVS_APPCTL, " --target=", OVS_VSWITCHD_SOCKET, " ", BOND_LIST])
    res, err = processutils.execute(cmd, shell=True)  # ok: DS101 every part joined is a constant, and this `cmd` is the one bound just before
    for port in ports:
        if port.name:
            cmd = "".join([OVS_APPCTL, " --target=", OVS_VSWITCHD_SOCKET,
                           " ", BOND_SHOW, " ", port.name])
            res, err = processutils.execute(cmd, shell=True)  # expect: DS101 a port's name joined into the command
    return res, err


def update_isolcpus(isolcpus_prefix):
    # StarlingX's agent hooks: the constant command first, then one formatted from a value.
    cmd = "python /usr/local/bin/puppet-update-grub-env.py --remove-kernelparams isolcpus"
    subprocess.run(cmd, shell=True, check=True, capture_output=True)  # ok: DS101 the constant bound on the line before
    cmd = f"python /usr/local/bin/puppet-update-grub-env.py --add-kernelparams isolcpus={isolcpus_prefix}"
    subprocess.run(cmd, shell=True, check=True, capture_output=True)  # expect: DS101 the value the caller passed
    if isolcpus_prefix:
        cmd = "true"
    subprocess.run(cmd, shell=True)  # expect: DS101 either binding may reach: the branch's or the formatted one


# nectar-tools' image test: (label, command) rows written out, each command run through a shell.
ONELINERS = [
    (
        "ephemeral disk is ext4, read-write mounted on vdb",
        "grep '/dev/vdb.*ext4.*rw' /proc/mounts",
    ),
    (
        "heat-cfn-tools installed",
        "which cfn-create-aws-symlinks cfn-get-metadata"
        + " cfn-push-stats cfn-hup cfn-init cfn-signal",
    ),
    ("fail2ban running", "pgrep fail2ban"),
]


def shellout(cmd):
    out = subprocess.call(cmd, shell=True)  # ok: DS101 every call in the file passes one of the table's commands
    return out


def run_checks():
    total = 0
    for i in ONELINERS:
        total += shellout(i[-1])
    for label, command in ONELINERS:
        subprocess.call(command, shell=True)  # ok: DS101 the command of each row written out
        subprocess.call(label + command, shell=True)  # ok: DS101 both parts of each row are written out
    return total


def run_guest_checks(guest_checks):
    for i in guest_checks:
        subprocess.call(i[-1], shell=True)  # expect: DS101 rows the caller passed
    for i in ONELINERS:
        i = guest_checks[0]
        subprocess.call(i[-1], shell=True)  # expect: DS101 the loop's name bound again in its body


def shellout_remote(cmd):
    return subprocess.call(cmd, shell=True)  # expect: DS101 one call passes a host's name


def check_hosts(hosts):
    shellout_remote(ONELINERS[0][-1])
    for host in hosts:
        shellout_remote("ssh %s uptime" % host)


def physical_package_ids(cpu_count):
    # eDeploy's health checks: the CPU's number, through int(), in a sysfs path.
    ids = []
    for cpu_nb in range(cpu_count):
        cmdline = "cat /sys/devices/system/cpu/cpu%d/topology/physical_package_id" % int(cpu_nb)
        ids.append(subprocess.Popen(cmdline, shell=True, stdout=subprocess.PIPE))  # ok: DS101 only a number filled in
        ids.append(subprocess.Popen(f"taskset -c {int(cpu_nb)} true", shell=True))  # ok: DS101 int() of the value
        ids.append(subprocess.Popen("taskset -c %s true" % cpu_nb, shell=True))  # expect: DS101 `%s` writes whatever it is given
    return ids


# StackHPC's Slurm appliance: resource kinds are the keys of a module dict written out.
CLUSTER_RESOURCES = {
    "server": [],
    "port": [],
    "volume": ["--purge"],  # remove volume with snapshots
}


def delete_cluster(cluster_prefix):
    to_delete = {}
    for resource_type in CLUSTER_RESOURCES:
        to_delete[resource_type] = []
        subprocess.run(f"openstack {resource_type} list --format json", shell=True, check=True)  # ok: DS101 a key of a constant dict; the body writes under it, it does not rebind it
        subprocess.run(f"openstack {resource_type} list --name {cluster_prefix}", shell=True)  # expect: DS101 the prefix a caller gives
    for resource_type in CLUSTER_RESOURCES:
        resource_type = resource_type + cluster_prefix
        subprocess.run(f"openstack {resource_type} list", shell=True)  # expect: DS101 the loop's name bound again in its body


def list_bridge_ports(res, processutils, OVS_VSCTL_LIST_IFACES):
    # StarlingX's OVS plugin: a list written empty, then filled from OVS's output.
    bridges_phy = []
    for bridge in res.strip().split("\n"):
        if bridge.startswith("br-phy"):
            bridges_phy.append(bridge)
    ports = {}
    for bridge in bridges_phy:
        ports[bridge] = True
        cmd = " ".join([OVS_VSCTL_LIST_IFACES, bridge])
        processutils.execute(cmd, shell=True)  # expect: DS101 the list was filled after it was written empty
    return ports
