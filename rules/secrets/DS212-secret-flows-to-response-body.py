import functools
import hashlib
import hmac

import falcon
import flask
import webob
from fastapi import APIRouter
from flask import Blueprint as BP
from flask import jsonify
from oslo_utils import strutils
from unittest import mock
from webob import Response as WebobResponse

app = flask.Flask(__name__)
bp = BP("auth", __name__, url_prefix="/auth")
api = BP("api", __name__)
users_bp = BP("users", __name__)
router = APIRouter()
api_router = APIRouter(prefix="/v1")
admin_bp = flask.Blueprint(
    "admin", __name__, url_prefix="/admin")
cache = CacheRegion()
plugin_bp = plugins.make_blueprint("plugin")


def _key_view(record):
    view = {"id": record.id}
    view["api_key"] = record.api_key
    return view


def _session_view(user, token):
    """A same-file helper: the token travels through its parameter into the returned view."""
    view = {"user": user}
    view["token"] = token
    return view


@app.route("/login", methods=["POST"])
def login():
    token = _issue_token(flask.request.json["user"])
    session = {"user": flask.request.json["user"], "token": token}
    return jsonify(session)  # expect: DS212


@app.route("/session", methods=["POST"])
def session_info():
    user = flask.request.json["user"]
    view = _session_view(user, _issue_token(user))
    if view:
        return view  # expect: DS212 a Flask route's return, through a same-file helper
    return {"user": user}  # ok: DS212 nothing secret


@app.route("/whoami")
def whoami():
    user = flask.request.json["user"]
    return jsonify({"user": user, "token_expiry": 3600, "password_policy": "strong"})  # ok: DS212 not secrets


def legacy(req, secret):
    body = {"status": "ok", "secret": secret}
    resp = webob.Response()
    resp.json_body = body  # expect: DS212
    return resp


def legacy_status(req, secret):
    resp = webob.Response()
    resp.json_body = {"status": "ok", "length": len(secret)}  # ok: DS212 a length
    return resp


def cached(record, secret):
    body = "%s" % secret
    record.text = body  # ok: DS212 not a response object
    return record


def attachment(req, bdm):
    info = bdm.connection_info
    payload = {"volume": bdm.volume_id, "connection_info": info}
    return WebobResponse(  # expect: DS212 an aliased webob.Response
        json_body=payload, status=200)


def attachment_masked(req, bdm):
    info = strutils.mask_dict_password(bdm.connection_info)
    return WebobResponse(json_body={"connection_info": info})  # ok: DS212 masked with oslo_utils


class ConsoleResource(object):
    def __init__(self, conf):
        self._creds = {"user": conf.user, "password": conf.password}

    def on_get(self, req, resp):
        view = _session_view(self._creds["user"], req.get_header("X-Auth-Token"))
        view["auth_token"] = req.get_header("X-Auth-Token")
        resp.media = view  # expect: DS212 a falcon response's media
        has_password = self._creds.get("password") is not None
        resp.media = {"password_set": has_password}  # ok: DS212 a boolean

    def on_post(self, req, resp):
        creds = self._creds
        resp.text = "creds: %s" % creds  # expect: DS212 through a self attribute
        resp.status = falcon.HTTP_200

    def on_put(self, req, resp):
        user = self._creds["user"]
        resp.text = "user: %s" % user  # ok: DS212 another key of the credentials


@app.get("/tokens/<user>")
def token_for(user):
    token = _issue_token(user)
    view = {"user": user}
    view["token"] = token
    return view  # expect: DS212 a Flask 2 GET route


@bp.post(
    "/login",
    endpoint="login",
)
def blueprint_login():
    form = flask.request.form
    creds = {"user": form["user"], "password": form["password"]}
    return creds  # expect: DS212 a blueprint's multi-line POST route


@login_required
@api.delete("/sessions/<sid>")
def revoke(sid):
    record = _sessions.pop(sid)
    if record:
        payload = {"revoked": sid, "token": record.auth_token}
        return payload  # expect: DS212 a DELETE route under another decorator, in an if
    return {"revoked": None}  # ok: DS212 nothing secret


@router.get("/items/{item_id}")
def read_item(item_id):
    item = _items[item_id]
    body = {"id": item_id, "api_key": item.api_key}
    return body  # expect: DS212 FastAPI's router returns the body too


@app.get("/tokens/<user>/masked")
def masked_token(user):
    token = _issue_token(user)
    view = {"user": user, "token": strutils.mask_password(token)}
    return view  # ok: DS212 masked with oslo_utils


@bp.get("/users/<user>")
def user_view(user):
    creds = _credentials_of(user)
    view = {"user": creds.username, "id": creds.user_id}
    return view  # ok: DS212 identifiers only


@app.patch("/users/<user>")
def set_password(user):
    password = flask.request.json["password"]
    ok = _set_password(user, password)
    return {"user": user, "changed": ok}  # ok: DS212 a boolean, not the password


@mock.patch("os.getenv")
def fake_settings(getenv):
    password = getenv("DB_PASSWORD")
    settings = {"user": "nova", "password": password}
    return settings  # ok: DS212 `patch` of mock is no route


@users_bp.get("/users/<user>/token")
def user_token(user):
    token = _issue_token(user)
    body = {"token": token}
    return body  # expect: DS212 a prefixed receiver assigned from Blueprint, with a Flask 2 verb


@api_router.post("/keys")
async def create_key(request):
    record = await _store_key(request)
    payload = _key_view(record)
    return payload  # expect: DS212 a FastAPI APIRouter under another name, through a helper


@admin_bp.route("/signatures/<instance_id>", methods=["GET"])
@login_required
def instance_signature(instance_id):
    signer = hmac.new(_shared_secret(), instance_id.encode(), hashlib.sha256)
    try:
        signature = signer.hexdigest()
        return {"instance": instance_id, "signature": signature}  # expect: DS212 an HMAC digest read off its object, in a try
    finally:
        _audit(instance_id)


@admin_bp.route("/users/<user>", methods=["GET"])
def admin_user(user):
    creds = _credentials_of(user)
    return {"user": creds.username, "token": strutils.mask_password(creds.token)}  # ok: DS212 masked


@cache.get("tokens")
def cached_token(user):
    token = _issue_token(user)
    return {"token": token}  # ok: DS212 `cache` is no Flask app or blueprint


@functools.lru_cache(maxsize=None)
def service_token():
    token = _issue_token("service")
    return token  # ok: DS212 a memoised helper, no route


@plugin_bp.get("/status")
def plugin_status():
    body = {"password": _plugin_password()}
    return body  # ok: DS212 `plugin_bp` comes from a project helper, not known to be a blueprint


@users_bp.get("/users/<user>/digest")
def user_digest(user):
    digest = hashlib.sha256(user.encode())
    return digest.hexdigest()  # ok: DS212 a plain hash, no key


def _issue_token(user):
    return "t-" + user


def upgrade_job(remoteci):
    # Red Hat's DCI control server: the new job, built from what the caller sent, sent back to it.
    values = flask.request.json
    values["remoteci_id"] = remoteci.id
    echoed = flask.Response(flask.json.dumps({"job": values}), 201, content_type="application/json")  # ok: DS212 the caller's own request body
    values["api_secret"] = remoteci.api_secret
    return echoed, flask.Response(flask.json.dumps({"job": values}), 201)  # expect: DS212 a remote CI's secret added
