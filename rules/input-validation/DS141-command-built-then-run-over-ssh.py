import ipaddress
import re
import shlex

from oslo_concurrency import processutils
from oslo_concurrency.processutils import ssh_execute as run_remote

VALID_POOLS = ("gold", "silver")
LVM_BIN = "/sbin/lvm"


def _lv_path(vg, name):
    """A same-file helper: the name travels into the returned path."""
    return "/dev/%s/%s" % (vg, name)


class SSHDriver(object):
    def __init__(self, client, host):
        self.client = client
        self._ping = "ping -c 1 %s" % host

    def resize(self, volume, size):
        cmd = "lvresize -L %sG %s" % (size, volume)
        self.client.exec_command(cmd)  # expect: DS141

    def remove(self, ssh, vg, name):
        path = _lv_path(vg, name)
        cmd = "lvremove -f " + path
        processutils.ssh_execute(ssh, cmd)  # expect: DS141

    def ping(self):
        stdin, stdout, stderr = self.client.exec_command(self._ping)  # expect: DS141

    def snapshot(self, ssh, source, target):
        cmd = f"lvcreate -s -n {target} {source}"
        cmd += " --yes"
        run_remote(  # expect: DS141
            ssh,
            cmd,
        )

    def mkdir(self, share):
        parts = "mkdir -p {}".format(share["export"])
        command = parts
        self.client.exec_command(command)  # expect: DS141

    def direct(self, volume):
        self.client.exec_command("lvdisplay %s" % volume)  # ok: DS141 formatted in the call: DS134 reports it

    def quoted(self, volume):
        cmd = "lvdisplay %s" % shlex.quote(volume)
        self.client.exec_command(cmd)  # ok: DS141 quoted for the shell

    def sized(self, volume, size):
        cmd = "lvresize -L %dG %s" % (int(size), shlex.quote(volume))
        self.client.exec_command(cmd)  # ok: DS141 every value quoted or numeric

    def address(self, ip):
        addr = ipaddress.ip_address(ip)
        cmd = "arping -c 1 %s" % addr
        self.client.exec_command(cmd)  # ok: DS141 an address object

    def pool(self, pool):
        if pool not in VALID_POOLS:
            raise ValueError(pool)
        cmd = "zfs list %s" % pool
        self.client.exec_command(cmd)  # ok: DS141 membership in a constant set

    def checked(self, name):
        if not re.fullmatch(r"[a-z0-9-]+", name):
            raise ValueError(name)
        cmd = "lvs %s" % name
        self.client.exec_command(cmd)  # ok: DS141 a full-match validation

    def constant(self):
        cmd = "%s lvs" % LVM_BIN
        self.client.exec_command(cmd)  # ok: DS141 an upper-case constant

    def passed_in(self, command):
        self.client.exec_command(command)  # ok: DS141 a wrapper: the command is built by its callers

    def execute_async(self, command, get_pty=False):
        # fuel-devops's SSHClient: the command given, ended with a newline for the channel.
        chan = self._ssh.get_transport().open_session()
        cmd = "{}\n".format(command)
        chan.exec_command(cmd)  # ok: DS141 a template of one fill and a newline passes the whole command on
        line = "%s\n" % command
        chan.exec_command(line)  # ok: DS141 the same with `%`
        sudo = "sudo -S bash -c '{}'\n".format(command)
        chan.exec_command(sudo)  # ok: DS141 the command parameter the wrapper sends, wrapped whole

    def run_detached(self, cmd, host, volume):
        # compass-core's execute_cli_by_ssh: the caller's whole command, run in the background.
        cmd = "nohup %s >/dev/null 2>&1 &" % cmd
        self.client.exec_command(cmd)  # ok: DS141 the wrapper's own command parameter, wrapped whole
        check = "sudo -S bash -c 'lvs {}'\n".format(volume)
        self.client.exec_command(check)  # expect: DS141 a volume name inside quotes it can close

    def run_as_root(self, command):
        command = 'sudo ' + command
        self.client.exec_command(command)  # ok: DS141 the wrapper's own command, prefixed

    def lustre(self, pool, cmd_parts):
        # manila's lustre driver: every part quoted before it is joined.
        cmd = 'sudo ' + ' '.join(shlex.quote(str(a)) for a in cmd_parts)
        ssh = pool.get()
        return processutils.ssh_execute(ssh, cmd)  # ok: DS141 each part quoted in the join
        quoted = ' '.join([shlex.quote(p) for p in cmd_parts])
        self.client.exec_command('ls ' + quoted)  # ok: DS141 each part quoted, a list comprehension
        self.client.exec_command('ls ' + shlex.join(cmd_parts))  # ok: DS141 shlex.join quotes each part
        loose = 'sudo ' + ' '.join(str(a) for a in cmd_parts)
        self.client.exec_command(loose)  # expect: DS141 joined unquoted


class ExecUtils(object):
    """kolla-kubernetes: a local `shell=True` helper that happens to be named like paramiko's."""

    @staticmethod
    def exec_command(cmd):
        return cmd


class ServiceResource(object):
    def apply(self, action, template, ssh):
        cmd = "kubectl {} -f {}".format(action, template)
        ExecUtils.exec_command(cmd)  # ok: DS141 a method called on a class: the project's own helper
        ssh.exec_command(cmd)  # expect: DS141 a client object: the remote shell


class SnapshotDriver(object):
    def __init__(self, client):
        self.client = client

    def snapshot(self, volume, name):
        cmd = "lvcreate -s -n %(name)s %(volume)s" % {"name": name, "volume": volume}
        self.client.exec_command(cmd)  # expect: DS141 the names through a dict of values

    def show(self, volume):
        cmd = volume + " --show"
        cmd = "lvdisplay " + cmd
        self.client.exec_command(cmd)  # expect: DS141 the volume before the constant text


class LocalDriver(object):
    def resize(self, volume, size):
        cmd = "lvresize -L %sG %s" % (size, volume)
        processutils.execute("sudo", cmd)  # ok: DS141 run locally, not over SSH (DS101's and DS133's to judge)
