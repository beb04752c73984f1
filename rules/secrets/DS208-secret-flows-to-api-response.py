import hashlib
import hmac

import flask
import pecan
import wsmeext.pecan as wsme_pecan
from oslo_utils import strutils
from pecan import decorators as pecan_decorators
from pecan import expose
from pecan import rest

from ironic.api import method
from ironic.common import metrics_utils
from myapp.plugins import expose as plugin_expose
from nova.api.openstack import wsgi

METRICS = metrics_utils.get_metrics_logger(__name__)

app = flask.Flask(__name__)


def _attachment_view(bdm):
    """A same-file helper: the connection info travels through its parameter into the view."""
    view = {"id": bdm.volume_id, "serverId": bdm.instance_uuid}
    view["connection_info"] = bdm.connection_info
    return view


def _masked(info):
    return strutils.mask_dict_password(info)


class VolumeAttachmentController(wsgi.Controller):
    def __init__(self):
        self.token_expiry = 3600
        self.password_policy = "strong"

    def show(self, req, server_id, id):
        bdm = self._get_bdm(req, server_id, id)
        attachment = _attachment_view(bdm)
        return {"volumeAttachment": attachment}  # expect: DS208

    def index(self, req, server_id):
        bdms = self._get_bdms(req, server_id)
        views = []
        for bdm in bdms:
            views.append({"id": bdm.volume_id, "device": bdm.device_name})
        return {"volumeAttachments": views}  # ok: DS208 ids and device names only

    def create(self, req, server_id, body):
        bdm = self._attach(req, server_id, body)
        info = strutils.mask_dict_password(bdm.connection_info)
        return {"volumeAttachment": {"id": bdm.volume_id, "connection_info": info}}  # ok: DS208 masked with oslo_utils

    def update(self, req, server_id, id, body):
        bdm = self._get_bdm(req, server_id, id)
        if body.get("verbose"):
            conn = bdm.connection_info
            return {"volumeAttachment": {"info": conn}}  # expect: DS208
        return {"volumeAttachment": {"info": _masked(bdm.connection_info)}}  # ok: DS208 a same-file masking helper

    def policies(self, req):
        return {"token_expiry": self.token_expiry, "password_policy": self.password_policy}  # ok: DS208 not secrets

    def _connection_for(self, bdm):
        info = bdm.connection_info
        return info  # expect: DS208 a private method's return is what a handler returns

    def __repr__(self):
        return "<Controller %s>" % self.token_expiry  # ok: DS208 a dunder method is no handler

    @wsgi.action("os-initialize_connection")
    def _initialize_connection(self, req, id, body):
        info = self._volume_api.initialize_connection(req, id, body["connector"])
        chap = self._chap_secret(id)
        info["data"] = {"target_iqn": info["target_iqn"], "auth_password": chap}
        return {"connection_info": info}  # expect: DS208 a cinder-style action handler

    @wsgi.action("os-reveal")
    def _action_reveal(self, req, id, body):
        bdm = self._get_bdm(req, None, id)
        return {"connection_info": bdm.connection_info}  # expect: DS208 an action handler

    def rebuild(self, req, id, body):
        password = self._generate_password()
        return {"adminPass": password}  # ok: DS208 written in the return itself: generated for the server's owner


class NodeController(rest.RestController):
    @method.expose()
    def get_one(self, node_ident):
        node = self._get_node(node_ident)
        driver_info = node.driver_info
        result = {"uuid": node.uuid, "driver_info": driver_info}
        return result  # expect: DS208

    @method.expose()
    def validate(self, node_ident):
        node = self._get_node(node_ident)
        has_password = node.driver_info.get("ipmi_password") is not None
        return {"uuid": node.uuid, "password_set": has_password}  # ok: DS208 a boolean


class ConsoleController(object):
    @expose("json")
    def index(self, instance):
        creds = {"user": instance.user, "password": instance.console_password}
        return creds  # expect: DS208 a pecan handler outside a RestController

    @expose(
        "json",
        content_type="application/json",
    )
    def connect(self, instance, verbose=False):
        url = "%s?token=%s" % (instance.console_base_url, instance.console_auth_token)
        if verbose:
            return {"console": {"url": url}}  # expect: DS208 a multi-line expose; the URL carries the token
        return {"console": {"type": instance.console_type}}  # ok: DS208 a type only

    def helper(self, instance):
        return {"password": instance.password}  # ok: DS208 not a controller nor a handler


class RootController(object):
    def __init__(self, conf):
        self._admin = {"user": conf.admin_user, "password": conf.admin_password}

    @pecan.expose("json")
    def index(self):
        admin = self._admin
        return {"name": "api", "admin": admin}  # expect: DS208 a pecan root controller, through a self attribute

    @pecan.expose("json")
    def status(self):
        admin = self._admin
        return {"name": "api", "admin_user": admin["user"]}  # ok: DS208 identifiers only

    @pecan_decorators.expose("json")
    def node(self, node_ident):
        node = self._get_node(node_ident)
        info = strutils.mask_dict_password(node.driver_info)
        return {"uuid": node.uuid, "driver_info": info}  # ok: DS208 masked with oslo_utils

    @pecan_decorators.expose("json")
    def raw_node(self, node_ident):
        node = self._get_node(node_ident)
        view = {"uuid": node.uuid}
        view["driver_info"] = node.driver_info
        return view  # expect: DS208 pecan.decorators.expose through an alias

    @pecan.expose()
    def _lookup(self, primary_key, *remainder):
        return self._controllers[primary_key], remainder  # ok: DS208 a controller and the path's rest


class V1Controller(object):
    @METRICS.timer("V1Controller.get")
    @method.expose()
    def get(self, node_ident):
        node = self._get_node(node_ident)
        try:
            props = node.instance_info
            creds = {"uuid": node.uuid, "properties": props, "password": node.driver_info["ipmi_password"]}
            return creds  # expect: DS208 ironic's method.expose under a timer, in a plain class
        finally:
            self._release(node)


class PortController(object):
    @METRICS.timer("PortController.get_one")
    @wsme_pecan.wsexpose(str, str)
    def get_one(self, port_uuid):
        port = self._get_port(port_uuid)
        extra = dict(port.extra)
        extra["switch_password"] = port.local_link_connection.get("switch_password")
        return extra  # expect: DS208 WSME's wsexpose

    @wsme_pecan.wsexpose(str, str)
    def get_all(self, node_uuid):
        ports = self._list_ports(node_uuid)
        return {"ports": [p.uuid for p in ports]}  # ok: DS208 identifiers only


class PluginHandlers(object):
    @plugin_expose("status")
    def status(self, conf):
        view = {"name": conf.plugin_name, "secret": conf.plugin_secret}
        return view  # ok: DS208 an expose decorator that is not pecan's


class CredentialsController(object):
    """pecan generic handlers: what each `.when` method returns answers the exposed URL."""

    def __init__(self, conf):
        self._store = conf.credential_store
        self._conn = {"user": conf.db_user, "password": conf.db_password}

    @pecan.expose(generic=True, template="json")
    def index(self):
        return {"credentials": [c.id for c in self._store.list()]}  # ok: DS208 identifiers only

    @index.when(method="POST", template="json")
    def index_post(self, **kwargs):
        record = self._store.create(kwargs)
        view = {"id": record.id}
        view["secret"] = record.secret
        return view  # expect: DS208 a generic method's POST handler, through a dict

    @index.when(method="PUT", template="json")
    def index_put(self, **kwargs):
        record = self._store.update(kwargs)
        view = {"id": record.id, "secret": strutils.mask_password(record.secret)}
        return view  # ok: DS208 masked with oslo_utils

    @expose(generic=True, template="json")
    def connection(self):
        return {"connection": "see the PUT handler"}  # ok: DS208 a constant

    @connection.when(
        method="GET",
        template="json",
    )
    def connection_get(self, verbose=False):
        conn = self._conn
        if verbose:
            return {"connection": conn}  # expect: DS208 a generic handler from an imported expose, through self.
        return {"user": conn["user"]}  # ok: DS208 the user key only


class SigningController(object):
    state = StateMachine()

    @pecan.expose(generic=True)
    def sign(self, data):
        return {"signed": True}  # ok: DS208 a boolean

    @sign.when(method="POST", template="json")
    def sign_post(self, data):
        signer = hmac.new(self._key, data.encode(), hashlib.sha256)
        try:
            return {"signature": signer.hexdigest()}  # expect: DS208 an HMAC's digest read off its object
        finally:
            self._audit(data)

    @state.when(method="activate")
    def on_active(self):
        return {"password": self._password}  # ok: DS208 `state` is no exposed method

    def audit(self, data):
        return None

    @audit.when(method="POST", template="json")
    def audit_post(self, data):
        return {"token": self._token}  # ok: DS208 `audit` is a method, but not exposed

    @plugin_expose(generic=True)
    def plugin(self):
        return None

    @plugin.when(method="POST")
    def plugin_post(self, conf):
        return {"secret": conf.plugin_secret}  # ok: DS208 exposed by an `expose` that is not pecan's

    @plugin.when(method="GET")
    def plugin_get(self, conf):
        view = {"name": conf.plugin_name}
        view["secret"] = conf.plugin_secret
        return view  # ok: DS208 the same non-pecan `expose`, the secret through a dict


@app.route("/session", methods=["POST"])
def session_info():
    token = _issue_token(flask.request.json["user"])
    session = {"user": flask.request.json["user"], "token": token}
    return session  # ok: DS208 a Flask route is DS212's


def _issue_token(user):
    return "t-" + user


from ironic.drivers import base as driver_base  # noqa: E402


class BMCVendorPassthru(driver_base.VendorInterface):
    """An ironic vendor interface: a passthru method's return is the API response."""

    @driver_base.passthru(["GET"], async_call=False,
                          description="The BMC's settings")
    def get_bmc_settings(self, task, **kwargs):
        info = task.node.driver_info
        settings = {"address": info.get("bmc_address"),
                    "username": info.get("bmc_username"),
                    "password": info["bmc_password"]}
        return settings  # expect: DS208 a vendor passthru's response

    @driver_base.driver_passthru(["GET"], async_call=False)
    def lookup(self, context, **kwargs):
        credentials = {"password": kwargs.get("bmc_password")}
        return {"node": strutils.mask_dict_password(credentials)}  # ok: DS208 masked

    @driver_base.passthru(["GET"], async_call=False)
    def bmc_address(self, task, **kwargs):
        return {"address": task.node.driver_info.get("bmc_address")}  # ok: DS208 not a secret


import ast  # noqa: E402

from ironic.common import policy  # noqa: E402


class AgentVendor(driver_base.VendorInterface):
    """A node serialised whole: its `driver_info` holds the BMC password (CVE-2016-4985)."""

    @driver_base.driver_passthru(["POST"], async_call=False)
    def lookup(self, context, **kwargs):
        node = self._find_node(context, kwargs.get("node_uuid"))
        return {  # expect: DS208 the node's driver_info, BMC password included
            "heartbeat_timeout": 300,
            "node": node.as_dict()
        }

    @driver_base.driver_passthru(["POST"], async_call=False)
    def lookup_masked(self, context, **kwargs):
        node = self._find_node(context, kwargs.get("node_uuid"))
        ndict = node.as_dict()
        if not context.show_password:
            ndict["driver_info"] = ast.literal_eval(
                strutils.mask_password(ndict["driver_info"], "******"))
        return {"heartbeat_timeout": 300, "node": ndict}  # ok: DS208 driver_info masked unless the caller may see it

    @driver_base.driver_passthru(["POST"], async_call=False)
    def lookup_by_policy(self, context, **kwargs):
        ndict = self._find_node(context, kwargs.get("node_uuid")).as_dict()
        if not policy.check("show_password", context.to_policy_values(), {}):
            ndict["driver_info"] = strutils.mask_dict_password(ndict["driver_info"], "******")
        return {"node": ndict}  # ok: DS208 masked per the show_password policy

    @driver_base.passthru(["GET"], async_call=False)
    def node_summary(self, task, **kwargs):
        ndict = task.node.as_dict()
        del ndict["driver_internal_info"]
        summary = {"node": ndict, "power": task.node.power_state}
        return summary  # expect: DS208 another entry removed, driver_info still there

    @driver_base.passthru(["GET"], async_call=False)
    def node_without_secrets(self, task, **kwargs):
        ndict = task.node.as_dict()
        ndict.pop("driver_info", None)
        return {"node": ndict}  # ok: DS208 driver_info popped

    @driver_base.passthru(["GET"], async_call=False)
    def node_if_verbose(self, task, verbose=False, **kwargs):
        ndict = task.node.as_dict()
        if not verbose:
            ndict["driver_info"] = {}
        return {"node": ndict}  # expect: DS208 a flag, not a permission: the verbose path returns driver_info

    @driver_base.passthru(["GET"], async_call=False)
    def secure_node(self, task, **kwargs):
        return {"node": task.node.as_dict(secure=True)}  # ok: DS208 ironic's Node.as_dict masks it itself

    @driver_base.passthru(["GET"], async_call=False)
    def port_info(self, task, **kwargs):
        return {"port": task.ports[0].as_dict()}  # ok: DS208 a port holds no driver_info

    def _find_node(self, context, uuid):
        return uuid
