import configparser
import os

from oslo_concurrency import processutils

from os_brick import exception
from os_brick import privileged
import os_brick.privileged
from nova import privsep


# os-brick's ScaleIO connector before the fix of Launchpad bug 2003179.
@privileged.default.entrypoint  # expect: DS214
def get_connector_password(filename, config_group, failed_over):
    """Read ScaleIO connector configuration file and get appropriate password.

    :param filename: path to connector configuration file
    :return: connector password
    """

    if not os.path.isfile(filename):
        msg = (
            "ScaleIO connector configuration file "
            "is not found in path %s." % filename
        )
        raise exception.BrickException(message=msg)

    conf = configparser.ConfigParser()
    conf.read(filename)
    password_key = (
        "replicating_san_password" if failed_over else "san_password"
    )
    return conf[config_group][password_key]


@os_brick.privileged.default.entrypoint  # expect: DS214
def get_connector_username_password(filename, config_group, failed_over):
    conf = configparser.ConfigParser()
    conf.read(filename)
    return {'username': conf[config_group]['san_login'],
            'password': conf[config_group]['san_password']}


@privsep.sys_admin_pctxt.entrypoint  # expect: DS214
def read_chap_credentials(target_iqn):
    out, _err = processutils.execute('iscsiadm', '-m', 'node', '-T', target_iqn)
    for line in out.splitlines():
        if line.startswith('node.session.auth.password'):
            secret = line.split('=', 1)[1].strip()
            return secret
    return None


@privileged.default.entrypoint_with_timeout(timeout=30)  # expect: DS214
def fetch_target_config(path):
    conf = configparser.ConfigParser()
    conf.read(path)
    try:
        section = conf['target']
    except KeyError:
        return None
    return section['auth_password']


@privsep.sys_admin_pctxt.entrypoint  # expect: DS214
def get_api_token(path):
    with open(path) as f:
        return f.read().strip()


# The fix: a context whose logger is kept at ERROR.
@privileged.brick_privsep_hide_output.entrypoint  # ok: DS214 a context that hides its output
def get_connector_password_fixed(filename, config_group, failed_over):
    conf = configparser.ConfigParser()
    conf.read(filename)
    return conf[config_group]['san_password']


@privsep.quiet_pctxt.entrypoint  # ok: DS214 a context named as quiet
def read_auth_token(path):
    with open(path) as f:
        return f.read()


@privileged.default.entrypoint  # ok: DS214 the password is an argument, which privsep no longer logs
def set_chap_password(target_iqn, password):
    processutils.execute('iscsiadm', '-m', 'node', '-T', target_iqn,
                         '--op', 'update', '-n', 'node.session.auth.password',
                         '-v', password)


@privileged.default.entrypoint  # ok: DS214 returns the exit code, not the secret
def login_with_password(target_iqn, password):
    _out, err = processutils.execute('iscsiadm', '-m', 'node', '-T', target_iqn, '--login')
    return len(err) == 0


@privsep.sys_admin_pctxt.entrypoint  # ok: DS214 the password file's path, not its content
def password_file_path(instance_dir):
    return os.path.join(instance_dir, 'password_file')


@privileged.default.entrypoint  # ok: DS214 nothing secret returned
def get_guid(op_code):
    with open('/dev/scini') as fd:
        return fd.read(16)


@property  # ok: DS214 not a privsep entrypoint
def admin_password(self):
    return self._admin_password
