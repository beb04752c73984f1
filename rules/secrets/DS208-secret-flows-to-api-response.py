import flask
from oslo_utils import strutils
from pecan import expose
from pecan import rest

from ironic.api import method
from nova.api.openstack import wsgi

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
        return creds  # ok: DS208 a pecan handler outside a RestController is not seen (a known miss)

    def helper(self, instance):
        return {"password": instance.password}  # ok: DS208 not a controller nor a handler


@app.route("/session", methods=["POST"])
def session_info():
    token = _issue_token(flask.request.json["user"])
    session = {"user": flask.request.json["user"], "token": token}
    return session  # ok: DS208 a Flask route is DS212's


def _issue_token(user):
    return "t-" + user
