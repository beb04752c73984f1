import os
import subprocess
from subprocess import check_output

from oslo_concurrency import processutils


def image_info(path, binary):
    subprocess.run(["qemu-img", "info", path], check=True)  # expect: DS132
    out = check_output(  # expect: DS132
        ["lsblk", "-J", path],
    )
    os.system("sync")  # expect: DS132
    subprocess.Popen("ls -l", shell=True)  # expect: DS132
    subprocess.run(["/usr/bin/qemu-img", "info", path], check=True)  # ok: DS132 absolute path
    subprocess.call([binary, "--version"])  # ok: DS132 program from a value, not a bare name
    subprocess.call(f"{binary} --version", shell=True)  # ok: DS132 not a constant name
    processutils.execute("qemu-img", "info", path)  # ok: DS132 rootwrap resolves the path
    os.system(r"C:\Windows\system32\ipconfig.exe")  # ok: DS132 drive-letter path

    os.popen(binary, "r")  # ok: DS132 "r" is the mode, not the program


def distro_and_repo(directory):
    # tripleo-repos' _get_distro: a bash builtin reads the file, another prints it; nothing from PATH.
    found = subprocess.Popen(  # ok: DS132 only shell builtins, `source` and `echo`
        'source /etc/os-release && echo -e -n "$ID\n$VERSION_ID\n$NAME"',
        shell=True,
        stdout=subprocess.PIPE,
        executable="/bin/bash",
    )
    os.system(". /etc/profile.d/proxy.sh; export LANG=C; /usr/bin/env")  # ok: DS132 builtins, then an absolute path
    os.system("cd /srv/repo && git pull --ff-only")  # expect: DS132 `git` after the `cd` still comes from PATH
    subprocess.check_call("export GIT_DIR=/srv/repo/.git; echo start | tee /tmp/log", shell=True)  # expect: DS132 `tee` comes from PATH
    subprocess.run(["cd", directory])  # expect: DS132 an argument list is no shell line: `cd` is looked up as a program
    return found

