import logging as std_logging
import os
import shlex
import subprocess as sp

from eventlet.green import subprocess
from oslo_concurrency import processutils as putils
from oslo_log import log as logging
from oslo_utils import strutils

from cinder import exception
from cinder import utils

LOG = logging.getLogger(__name__)
_LOG = std_logging.getLogger(__name__)


# --- flagged: a wrapper logs or raises the command it was given, or the command's output


def execute(*cmd, **kwargs):
    """oslo.concurrency's execute before LP#1343604: command and output unmasked."""
    loglevel = kwargs.pop("loglevel", std_logging.DEBUG)
    root_helper = kwargs.pop("root_helper", "")
    if kwargs.pop("run_as_root", False):
        cmd = shlex.split(root_helper) + list(cmd)
    cmd = map(str, cmd)
    LOG.log(loglevel, "Running cmd (subprocess): %s",  # expect: DS213 the joined command, through map()
            " ".join(cmd))
    obj = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    result = obj.communicate()
    _returncode = obj.returncode
    LOG.log(loglevel, "Result was %s" % _returncode)  # ok: DS213 only the return code
    if _returncode:
        (stdout, stderr) = result
        raise putils.ProcessExecutionError(exit_code=_returncode,  # expect: DS213 output and command raised raw
                                           stdout=stdout,
                                           stderr=stderr,
                                           cmd=" ".join(cmd))
    return result


def ssh_execute(ssh, cmd, process_input=None, check_exit_code=True):
    """nova's copy before LP#1377981: the SSH flavour."""
    LOG.debug("Running cmd (SSH): %s", cmd)  # expect: DS213 the command written in the call
    stdin_stream, stdout_stream, stderr_stream = ssh.exec_command(cmd)
    channel = stdout_stream.channel
    stdout = stdout_stream.read()
    stderr = stderr_stream.read()
    stdin_stream.close()
    exit_status = channel.recv_exit_status()
    if exit_status != -1:
        LOG.debug("Result was %s" % exit_status)  # ok: DS213 the exit status only
        if check_exit_code and exit_status != 0:
            raise putils.ProcessExecutionError(exit_code=exit_status,  # expect: DS213 the streams read back
                                               stdout=stdout,
                                               stderr=stderr,
                                               cmd=strutils.mask_password(cmd))
    return (stdout, stderr)


def _describe(command):
    """A same-file helper building the message."""
    return "command line: %s" % " ".join(command)


class ThreePARClient(object):
    def _run_ssh(self, cmd_list, check_exit_code=True):
        command = " ".join(cmd_list)
        message = _describe(cmd_list)
        _LOG.info(message)  # expect: DS213 through a helper and a variable
        try:
            stdout, stderr = putils.ssh_execute(self.ssh, command, check_exit_code=check_exit_code)
        except putils.ProcessExecutionError as e:
            LOG.error("failed: %s", e.stdout)  # ok: DS213 oslo.concurrency masked the error's output
            raise putils.ProcessExecutionError(exit_code=-1,  # expect: DS213 the raw command in a new error
                                               stdout="", stderr="ssh failed", cmd=command)
        LOG.debug("stdout: %(out)s stderr: %(err)s",  # ok: DS213 ssh_execute masks its output
                  {"out": stdout, "err": stderr})
        return stdout

    def show_zones(self):
        out = self._cli_run(["zoneshow"])
        LOG.debug("zones: %s", out)  # ok: DS213 not a wrapper: the caller knows what it ran
        return out

    def _cli_run(self, args, **kwargs):
        out = sp.check_output(["cli", "--batch"] + args)
        LOG.warning("cli said %s", out.strip())  # expect: DS213 check_output's result, stripped
        return out

    def run_tool(self, cmd):
        proc = sp.run(cmd, capture_output=True, text=True)
        if proc.returncode:
            msg = "tool failed: %s" % proc.stderr
            LOG.error(msg)  # expect: DS213 result.stderr in a message
        return proc.returncode


def _execute(self, *cmd, **kwargs):
    try:
        out, err = utils.execute(*cmd, **kwargs)
        LOG.debug("stdout: %s", out)  # expect: DS213 execute() returns the output unmasked
        return out, err
    except putils.ProcessExecutionError as err:
        LOG.error("Command %(cmd)s failed: %(err)s",  # expect: DS213 the command in an error log
                  {"cmd": cmd, "err": err.exit_code})
        raise


# --- clean: masked, not run, constant, or not the command


def execute_masked(*cmd, **kwargs):
    """oslo.concurrency today: everything masked once."""
    cmd = [str(c) for c in cmd]
    sanitized_cmd = strutils.mask_password(" ".join(cmd))
    LOG.log(std_logging.DEBUG, "Running cmd (subprocess): %s", sanitized_cmd)  # ok: DS213 masked
    obj = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = obj.communicate()
    sanitized_stdout = strutils.mask_password(out)
    sanitized_stderr = strutils.mask_password(err)
    if obj.returncode:
        raise putils.ProcessExecutionError(exit_code=obj.returncode,  # ok: DS213 all masked
                                           stdout=sanitized_stdout,
                                           stderr=sanitized_stderr,
                                           cmd=sanitized_cmd)
    LOG.debug("%r failed. Retrying.", sanitized_cmd)  # ok: DS213 masked once, used twice
    return out, err


def ssh_run(ssh, cmd):
    cmd = strutils.mask_password(cmd)
    LOG.debug("would run %s", cmd)  # ok: DS213 the name was replaced by its masked value
    return ssh.exec_command(cmd)


def describe_command(cmd):
    """Logs a command it does not run."""
    LOG.debug("Queued command %s", cmd)  # ok: DS213 this function runs nothing
    return cmd


def list_volumes(vg_name):
    cmd = ["vgs", "--noheadings", "-o", "name", vg_name]
    out, _err = utils.execute(*cmd, run_as_root=True)
    LOG.debug("vgs said %s", out)  # ok: DS213 a constant command's output, no command parameter
    return out


def restart(args, name):
    os.system("service %s restart" % name)
    LOG.info("restart with %s", args)  # ok: DS213 `args` is not what it runs
    return args


def _get_version(self, cmd):
    out, err = self._execute(*cmd)
    LOG.debug("tool %s exited, %d bytes", cmd[0], len(out))  # ok: DS213 the program name and a length
    return out


def run_quiet(cmd, password):
    cmd = cmd + ["--password", password]
    result = sp.run(cmd, check=False)
    LOG.info("returned %s", result.returncode)  # ok: DS213 the return code only
    return result


def query(cursor, sql, args):
    cursor.execute(sql, args)
    LOG.debug("query args %s", args)  # ok: DS213 SQL parameters, not a command
    return cursor.fetchall()
