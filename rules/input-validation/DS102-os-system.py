import os
import os as operating_system
from os import popen, system


def clean_up(path, host, name):
    os.system("rm -rf " + path)  # expect: DS102
    operating_system.system(f"ping -c 1 {host}")  # expect: DS102
    system("chown %s /srv/data" % name)  # expect: DS102
    popen(path).read()  # expect: DS102
    os.popen("ls %s" % path)  # expect: DS102
    os.system("sync")  # ok: DS102 constant command, nothing reaches the shell
    os.system("ls" " -l")  # ok: DS102 constant concatenation
    os.path.join(path, name)  # ok: DS102 not a shell call
    shell.system(path)  # ok: DS102 some other object's system()
    os.system(path)  # nosec B605
