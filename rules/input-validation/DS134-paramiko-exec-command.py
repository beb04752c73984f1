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
