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
