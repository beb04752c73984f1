import shlex

import paramiko


def remote_df(host, path, cmd):
    client = paramiko.SSHClient()
    client.connect(host)
    stdin, stdout, stderr = client.exec_command("df -h %s" % path)  # expect: DS134
    client.exec_command(cmd)  # ok: DS134 passed in whole: a wrapper, its callers build the command
    channel = client.get_transport().open_session()
    channel.exec_command(f"cat {path}")  # expect: DS134
    client.exec_command(  # expect: DS134
        "ls -l " + path,
        timeout=10,
    )
    client.exec_command("uptime")  # ok: DS134 constant command
    client.exec_command("df -h " "/var/lib")  # ok: DS134 constant concatenation
    client.exec_command(  # ok: DS134 constant command over two lines
        "uptime"
    )
    client.exec_command("df -h %s" % shlex.quote(path))  # ok: DS134 value quoted for the shell
    ssh = client
    ssh.exec_command(  # expect: DS134 the finding is the call
        "sudo mount %(src)s %(dst)s" % {"src": path, "dst": cmd},
    )
    return stdin, stdout, stderr


def execute_command(client, command_text, timeout=30):
    stdin, stdout, stderr = client.exec_command(command_text)  # ok: DS134 a wrapper's parameter
    return stdout.channel.recv_exit_status()


# fuel-octane: the SFTP server's path is a constant of the package's own module.
class magic_consts(object):
    SFTP_SERVER_BIN = '/usr/lib/openssh/sftp-server'


def sftp_as_root(transport, username, binary):
    channel = transport.open_channel('session')
    channel.exec_command('sudo ' + magic_consts.SFTP_SERVER_BIN)  # ok: DS134 only a constant goes in
    channel.exec_command('sudo ' + binary)  # expect: DS134 a parameter goes in


class ExecUtils(object):
    """kolla-kubernetes: a local `shell=True` helper that happens to be named like paramiko's."""

    @staticmethod
    def exec_command(cmd):
        return cmd


def kube_status(kind, name, CLIENT):
    ExecUtils.exec_command("kubectl get %s %s" % (kind, name))  # ok: DS134 a method called on a class: the project's own helper
    CLIENT.exec_command("kubectl get %s" % kind)  # expect: DS134 an upper-case name is an object, not a class
