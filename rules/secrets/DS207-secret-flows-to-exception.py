import copy

from oslo_utils import strutils

from cinder import exception as cinder_exc
from nova import exception
from nova.i18n import _

DEFAULT_ISCSI_SECRET = "changeme"


def _chap_properties(target, user, secret):
    """A same-file helper: the CHAP secret travels through its parameter into the returned dict."""
    props = {"target_iqn": target, "auth_method": "CHAP", "auth_username": user}
    props["auth_password"] = secret
    return props


def _redact(text):
    return strutils.mask_password(text)


class VolumeOps(object):
    def __init__(self, conf):
        self.admin_password = conf.admin_password
        self.token_expiry = conf.token_expiry
        self.password_policy = conf.password_policy
        self.access_key = conf.access_key

    def attach(self, volume, connection_info):
        if not volume:
            raise exception.VolumeAttachFailed(volume_id=None, reason=connection_info)  # expect: DS207 DS202 does not know connection_info
        msg = _("Unable to attach %(vol)s with %(info)s") % {
            "vol": volume.id, "info": connection_info}
        if volume.status == "error":
            raise exception.VolumeAttachFailed(  # expect: DS207
                volume_id=volume.id, reason=msg)
        summary = _("Unable to attach %s") % connection_info["driver_volume_type"]
        raise exception.VolumeAttachFailed(volume_id=volume.id, reason=summary)  # ok: DS207 another field of the connection info

    def login(self, volume, user):
        props = _chap_properties(volume.target, user, self.admin_password)
        conn_info = "%(target_iqn)s %(auth_username)s %(auth_password)s" % props
        if not user:
            raise cinder_exc.VolumeBackendAPIException(  # expect: DS207
                data=conn_info)
        safe = strutils.mask_password(conn_info)
        raise cinder_exc.VolumeBackendAPIException(data=safe)  # ok: DS207 masked with oslo_utils

    def rotate(self, new_password):
        body = {"user": {"name": "admin", "password": new_password}}
        detail = "rotation failed for %s" % body
        if new_password:
            raise ValueError(detail)  # expect: DS207
        raise ValueError(_redact(detail))  # ok: DS207 a same-file masking helper

    def reset(self):
        chap = DEFAULT_ISCSI_SECRET
        if chap:
            raise exception.InvalidInput(reason="default secret %s in use" % chap)  # ok: DS207 an ALL_CAPS constant: its value is in the code, where DS204 reports it
        password = "***"
        msg = "password now %s" % password
        raise exception.InvalidInput(reason=msg)  # ok: DS207 replaced by a constant

    def check(self):
        expiry = self.token_expiry
        policy = self.password_policy
        key_id = self.access_key
        if expiry:
            raise exception.InvalidInput(  # ok: DS207 not secrets: an expiry, a policy and a key id
                reason="token expires %s, policy %s, key %s" % (expiry, policy, key_id))
        length = len(self.admin_password)
        is_set = self.admin_password is not None
        msg = "password length %d, set %s" % (length, is_set)
        raise exception.InvalidInput(reason=msg)  # ok: DS207 a length and a boolean

    def parse(self, node):
        info = node.driver_info
        required = {key: value for key, value in info.items() if key in ("address", "password")}
        d_info = dict(required, port=623)
        if d_info["port"] not in (623, 443):
            msg = _("Unsupported port %s") % d_info["port"]
            raise exception.InvalidInput(reason=msg)  # ok: DS207 another key of a copy of driver_info
        creds = dict(required)
        raise exception.InvalidInput(reason=_("bad credentials %s") % creds)  # expect: DS207 all of it, passwords included

    def direct(self, password):
        raise exception.InvalidInput(reason="bad password %s" % password)  # ok: DS207 written in the raise itself: DS202 reports it

    def bare(self):
        raise exception.Forbidden()  # ok: DS207 no arguments


# --- redactions: the secret taken out of the dict before it is put in the message
_IPMI_SECRETS = ("ipmi_password", "ipmi_kg_key")


class PowerInterface(object):
    def validate(self, node):
        info = dict(node.driver_info)
        for key in _IPMI_SECRETS:
            info.pop(key, None)
        if not info.get("ipmi_address"):
            raise exception.MissingParameterValue(  # ok: DS207 the IPMI secrets popped in a loop over constant keys
                _("Missing IPMI address in %s") % info)

    def reboot(self, node, connection_info):
        shown = copy.deepcopy(connection_info)
        del shown["data"]
        raise cinder_exc.VolumeBackendAPIException(data="reboot with %s" % shown)  # ok: DS207 the connection's data deleted

    def power_on(self, node, connection_info):
        shown = copy.deepcopy(connection_info)
        del shown["driver_volume_type"]
        raise cinder_exc.VolumeBackendAPIException(data="power on with %s" % shown)  # expect: DS207 another key deleted

    def power_off(self, node):
        info = dict(node.driver_info)
        msg = _("Cannot power off with %s") % info
        info["ipmi_password"] = "***"
        raise exception.InvalidParameterValue(msg)  # expect: DS207 the message was built before the password was blanked


# --- held-out look-alike (keystone's JWS provider): the private key's FILE named in the message
import os

from oslo_config import cfg

CONF = cfg.CONF


class JwsProvider(object):
    def __init__(self):
        private_key = os.path.join(CONF.jwt_tokens.jws_private_key_repository, 'private.pem')
        if not os.path.exists(private_key):
            subs = {'private_key': private_key}
            raise SystemExit(  # ok: DS207 tested as a file in this function: the key's path
                _('%(private_key)s does not exist.') % subs)

    def load(self, key_file):
        with open(key_file) as f:
            private_key = f.read()
        subs = {'private_key': private_key}
        raise SystemExit(_('bad key %(private_key)s') % subs)  # expect: DS207 the key read from the file


class ShowCredential(object):
    # python-openstackclient's commands name what was asked for by its ID or name.
    def take_action(self, parsed_args):
        for cred in parsed_args.credential:
            if not cred:
                raise exception.NotFound(_("No credential with ID '%s'") % cred)  # ok: DS207 labelled an ID
            raise exception.NotFound("No credential with ID %s", cred)  # expect: DS207 an exception's arguments are not formatted into the label
