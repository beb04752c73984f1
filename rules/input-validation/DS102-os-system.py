import asyncio
import commands
import os
import subprocess
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


async def inspect(image, name):
    out = subprocess.getoutput("qemu-img info " + image)  # expect: DS102
    status, text = subprocess.getstatusoutput(  # expect: DS102
        f"virsh dominfo {name}"
    )
    proc = await asyncio.create_subprocess_shell("du -sh %s" % image)  # expect: DS102
    uptime = subprocess.getoutput("uptime")  # ok: DS102 constant command
    proc2 = await asyncio.create_subprocess_exec("du", "-sh", image)  # ok: DS102 no shell
    return out, status, text, proc, uptime, proc2


def restart_networking():
    restart_cmd = "service networking restart"
    os.system(restart_cmd)  # ok: DS102 a local bound once to a literal
    os.system("iptables -t nat -F && " +  # ok: DS102 two literals joined with +, nothing from outside
              "iptables -t nat -X")


def sync():
    os.system(  # ok: DS102 a comment after the parenthesis is not the command
        "sync"
    )


NEUTRON_CONF = "/etc/neutron/neutron.conf"


def configure_nfp(ext_net_name):
    # group-based-policy's setup tool: commands built from literals, a module constant and a name
    # bound once to a literal, and two built from values read at run time.
    configurator_key_name = "configurator_key"
    admin_user = commands.getoutput("crudini --get " + NEUTRON_CONF + " keystone_authtoken username")  # ok: DS102 a literal and a module constant
    pem = commands.getoutput("nova keypair-add" + " " + configurator_key_name)  # ok: DS102 a local bound once to a literal
    auth_uri = commands.getoutput(  # ok: DS102 a module constant formatted in
        "crudini --get %s keystone_authtoken auth_uri" % NEUTRON_CONF)
    auth_host = commands.getoutput("echo " + auth_uri + " | cut -d'/' -f3")  # expect: DS102 a command's output
    os.system("crudini --set /etc/nfp.ini heat_driver"  # expect: DS102 a parameter
              " internet_out_network_name %s" % (ext_net_name))
    return admin_user, pem, auth_host


def remove_tree(path):
    import pipes
    os.system("rm -rf %s" % pipes.quote(path))  # ok: DS102 the value quoted for the shell


def flush_disks(disks, port_number, rate):
    # eDeploy's health checks: numbers written with `%d`, device names from the detection.
    os.system("netserver -p %d" % port_number)  # ok: DS102 `%d` writes digits or raises
    os.system("cpupower frequency-set -f %dMHz -r %.1f" % (rate, rate / 2))  # ok: DS102 numbers only
    for disk in disks:
        os.system("hdparm -f %s >/dev/null 2>&1" % disk)  # expect: DS102 a device name, as text
        os.system("hdparm -f /dev/%s -T %d" % (disk, rate))  # expect: DS102 one value is text


async def run_helm(command, kubetoken):
    # pyhelm3: every part of the command quoted by shlex.join before the shell sees it.
    import shlex
    command.extend(["--kube-token", kubetoken])
    shell_formatted_command = shlex.join(
        part if isinstance(part, (str, bytes)) else str(part)
        for part in command
    )
    proc = await asyncio.create_subprocess_shell(shell_formatted_command)  # ok: DS102 each part quoted by shlex.join
    joined = " ".join(command)
    other = await asyncio.create_subprocess_shell(joined)  # expect: DS102 joined with spaces, nothing quoted
    return proc, other
