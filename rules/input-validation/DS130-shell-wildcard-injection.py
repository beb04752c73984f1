import glob
import os
import subprocess as sp

from oslo_concurrency import processutils


def fix_ownership(instance_dir, backup):
    os.system("chown -R nova:nova /var/lib/nova/instances/*")  # expect: DS130
    os.popen("chmod 644 *.conf")  # expect: DS130
    sp.call("tar czf /backup/etc.tgz *", shell=True)  # expect: DS130
    sp.check_call(  # expect: DS130
        f"rsync -a {instance_dir}/* {backup}/",
        shell=True,
    )
    processutils.execute("chgrp nova /etc/nova/*", shell=True)  # expect: DS130
    sp.call(["chown", "-R", "nova", "--", *glob.glob(instance_dir + "/*")])  # ok: DS130 argument list, no shell expands `*`
    sp.call("tar czf /backup/etc.tgz *", shell=False)  # ok: DS130 no shell: `*` is a literal name
    processutils.execute("chown", "nova", "/var/lib/nova/*")  # ok: DS130 no shell
    os.system("ls -l /var/lib/nova/instances/*")  # ok: DS130 ls takes no dangerous options from names
    os.system("chown nova /var/lib/nova/instances")  # ok: DS130 no wildcard


def fix_ownership(log):
    # The same text in a log message: nothing runs it through a shell.
    log.info("running chown -R nova:nova /var/lib/nova/instances/*")  # ok: DS130 a log message, not a command
    os.system("chown -R nova:nova /var/lib/nova/instances/*")  # expect: DS130 the command the message describes
