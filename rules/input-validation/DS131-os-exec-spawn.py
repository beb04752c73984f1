import os
import sys
from os import execvp, spawnlp


def relaunch(tool, image, mode):
    os.execvp(tool, [tool, image])  # expect: DS131
    execvp(tool, [tool])  # expect: DS131
    os.spawnv(mode, tool, [tool, image])  # expect: DS131
    spawnlp(os.P_WAIT, tool, tool, image)  # expect: DS131
    os.posix_spawn(  # expect: DS131
        tool,
        [tool, image],
        os.environ,
    )
    os.execv(sys.executable, [sys.executable] + sys.argv)  # ok: DS131 re-executes the interpreter
    os.execv("/usr/bin/qemu-img", ["qemu-img", "info", image])  # ok: DS131 fixed program
    os.spawnl(os.P_NOWAIT, "/usr/bin/true", "true")  # ok: DS131 mode then a fixed program
