import subprocess
import subprocess as sp
from subprocess import Popen, check_output


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
