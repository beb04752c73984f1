import copy
import logging as std_logging

from oslo_log import log as logging
from oslo_utils import strutils

# --- request headers and bodies, signatures, digests, SNMP
import hashlib
import hmac
import hmac as _hmac
import inspect
import os
import subprocess

import pecan
from oslo_config import cfg
from swiftclient import utils as swift_utils

CONF = cfg.CONF


class AuditMiddleware(object):
    """Whole request headers and WSGI environs carry the caller's X-Auth-Token."""

    def __call__(self, environ, start_response):
        env = environ
        LOG.debug(f"environ: {env}")  # expect: DS205 a WSGI environ holds HTTP_X_AUTH_TOKEN
        LOG.debug("path %s", environ["PATH_INFO"])  # ok: DS205 one field of the environ
        LOG.debug("home %s", os.environ.get("HOME"))  # ok: DS205 another environ, one field

    def process_request(self, req):
        LOG.debug("Request headers: %s", req.headers)  # expect: DS205 written in the call: no one-expression rule reports it
        headers = dict(req.headers)
        LOG.info("request %(id)s headers %(h)s",  # expect: DS205 through dict() and a dict
                 {"id": req.environ.get("openstack.request_id"), "h": headers})
        LOG.debug("content type %s", req.headers["Content-Type"])  # ok: DS205 a header read by a harmless key
        LOG.debug("request id %s", req.headers.get("X-Openstack-Request-Id"))  # ok: DS205 likewise with get()
        subject = req.headers.get("X-Subject-Token")
        LOG.debug("validating %s", subject)  # expect: DS205 a token header read with get()
        LOG.debug("headers: %s", strutils.mask_dict_password(dict(req.headers)))  # ok: DS205 masked


def login(session, url):
    response = session.post(url)
    auth = response.headers.get("Authorization")
    LOG.info("REST login success, setting auth: %s", auth)  # expect: DS205 the session's Authorization header
    session.headers.update({"Accept": "application/json", "Authorization": "Basic"})
    LOG.debug("session headers %s", session.headers)  # ok: DS205 a session's headers, not a request's; the scheme only


def pecan_hook():
    incoming = pecan.request.headers
    LOG.warning("pecan request with %s", incoming)  # expect: DS205 pecan's request headers


def _sign(key, requestor_id):
    """A same-file helper returning an HMAC digest made with a shared secret."""
    return hmac.digest(key.encode(), requestor_id.encode(), "sha256")


def validate_signature(requestor_id, signature, address):
    expected_signature = hmac.new(
        CONF.metadata_proxy_shared_secret.encode(),
        requestor_id.encode(),
        hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected_signature, signature):
        LOG.warning("Signature %(sig)s does not match %(expected)s for %(id)s",  # expect: DS205 the expected HMAC
                    {"sig": signature, "expected": expected_signature, "id": requestor_id})
    raw = _sign(CONF.metadata_proxy_shared_secret, requestor_id)
    logger.info("raw digest %r", raw)  # expect: DS205 hmac.digest() through a helper
    matches = hmac.compare_digest(expected_signature, signature)
    LOG.info("signature of %s matches: %s", requestor_id, matches)  # ok: DS205 a boolean
    cache_key = hashlib.sha256(requestor_id.encode()).hexdigest()
    LOG.debug("metadata cache key %s", cache_key)  # ok: DS205 a digest of public data, no key
    sig = inspect.signature(validate_signature)
    LOG.debug("called as %s%s", "validate_signature", sig)  # ok: DS205 a function's signature


class MetadataRequestHandler(object):
    """HMAC objects built first and read later: the digest is the signature."""

    def _sign_instance_id(self, instance_id):
        signer = hmac.new(
            CONF.neutron.metadata_proxy_shared_secret.encode(),
            instance_id.encode(),
            hashlib.sha256)
        signature = signer.hexdigest()
        LOG.debug("signed %(id)s as %(sig)s",  # expect: DS205 the digest of an HMAC held in a name
                  {"id": instance_id, "sig": signature})
        return signature

    def _sign_parts(self, key, parts):
        mac = hmac.HMAC(key, digestmod=hashlib.sha1)
        for part in parts:
            mac.update(part.encode())
        self.last_signature = mac.digest()
        LOG.info("parts signed: %r", self.last_signature)  # expect: DS205 updated, then read through self.

    def _checksum(self, data):
        hasher = hashlib.sha256(data)
        digest = hasher.hexdigest()
        LOG.debug("payload checksum %s", digest)  # ok: DS205 a plain hash held in a name, no key
        mac = hmac.new(b"k", data, hashlib.md5)
        mac = hashlib.md5(data)
        LOG.debug("payload md5 %s", mac.hexdigest())  # ok: DS205 the name was rebound to a plain hash
        LOG.debug("signer %s", type(hasher).__name__)  # ok: DS205 the hash object's type


def transfer_auth_hash(salt, auth_key):
    keyed = _hmac.new(salt, auth_key, hashlib.sha1)
    auth_hash = keyed.hexdigest()
    LOG.warning("transfer hash %s",  # expect: DS205 through an aliased import of hmac
                auth_hash)
    fingerprint = hashlib.md5(auth_key).hexdigest()
    LOG.info("transfer key fingerprint %s", fingerprint)  # ok: DS205 hashlib, no key


def image_temp_url(path, seconds):
    key = CONF.glance.swift_temp_url_key
    url = swift_utils.generate_temp_url(path, seconds, key, "GET")
    LOG.info("Image available at %s", url)  # expect: DS205 a temp URL carries its signature
    options = {"key": key, "duration": seconds}
    LOG.debug("temp url options %s", options)  # expect: DS205 the Swift temp-URL key
    LOG.debug("temp url lasts %s", CONF.glance.swift_temp_url_duration)  # ok: DS205 a duration


def deploy_image(s3_client, container, obj):
    link = s3_client.generate_presigned_url(
        "get_object", Params={"Bucket": container, "Key": obj}, ExpiresIn=600)
    LOG.info("Image link: %s", link)  # expect: DS205 an S3 presigned URL carries its signature
    LOG.info("Image at %s/%s", container, obj)  # ok: DS205 the container and object names


class SNMPDriver(object):
    def __init__(self, driver_info):
        self.address = driver_info["snmp_address"]
        self.version = driver_info.get("snmp_version")
        read_community = driver_info.get("snmp_community_read")
        if read_community is None:
            read_community = driver_info.get("snmp_community")
        self.target = (self.address, read_community)

    def poll(self, oid):
        LOG.debug("Polling %(oid)s on %(target)s",  # expect: DS205 the community string in a self attribute
                  {"oid": oid, "target": self.target})
        LOG.debug("SNMP %s agent at %s", self.version, self.address)  # ok: DS205 version and address
        community_id = oid.split(".")[-1]
        LOG.debug("community id %s", community_id)  # ok: DS205 an id, not the community string

LOG = logging.getLogger(__name__)
logger = std_logging.getLogger("nova.virt")

DEFAULT_CHAP_SECRET = "changeme"


def _iscsi_properties(volume, auth_user, auth_pass):
    """A same-file helper: the CHAP secret travels through its parameter into the returned dict."""
    props = {
        "target_iqn": volume["provider_location"],
        "auth_method": "CHAP",
        "auth_username": auth_user,
    }
    props["auth_password"] = auth_pass
    return props


def _mask(info):
    return strutils.mask_dict_password(info)


class ISCSIVolumeDriver(object):
    def __init__(self, conf):
        self.log = LOG
        self.admin_password = conf.admin_password
        self.token_expiry = conf.token_expiry
        self.password_policy = conf.password_policy
        self.access_key = conf.access_key
        self._conn = {"user": conf.user, "password": conf.password}

    def initialize_connection(self, volume, connector):
        chap_username, chap_password = volume["provider_auth"].split()
        data = {
            "target_portal": volume["portal"],
            "auth_username": chap_username,
            "auth_password": chap_password,
        }
        connection_info = {"driver_volume_type": "iscsi", "data": data}

        LOG.debug("initialize_connection: volume %(vol)s connection_info %(info)s",  # expect: DS205
                  {"vol": volume["id"], "info": connection_info})
        LOG.debug("Attaching volume %s", volume["id"])  # ok: DS205 an id, not the connection info
        LOG.debug("Connection info: %s", strutils.mask_dict_password(connection_info))  # ok: DS205 masked
        LOG.info("Attached with %s", _mask(connection_info))  # ok: DS205 a same-file masking helper
        return connection_info

    def attach(self, volume, connection_info):
        LOG.debug("attach %s", connection_info)  # ok: DS205 a whole connection object is DS211's
        LOG.debug("attach %s", connection_info["driver_volume_type"])  # ok: DS205 another field

    def login(self, volume):
        props = _iscsi_properties(volume, "admin", self.admin_password)
        msg = "Logging in to %(target_iqn)s with %(auth_password)s" % props
        self.log.warning(msg)  # expect: DS205
        summary = "target %s" % props["target_iqn"]
        self.log.warning(summary)  # ok: DS205 only the target key is read

    def rotate(self, new_password):
        body = {"user": {"password": new_password}}
        payload = copy.deepcopy(body)
        payload.update(reason="rotate")
        logger.info(  # expect: DS205
            "Rotating credentials: %s",
            payload,
        )
        safe = strutils.mask_password(str(body))
        logger.info("Rotating credentials: %s", safe)  # ok: DS205 masked

    def connect(self):
        conn = self._conn
        LOG.debug(f"connecting with {conn}")  # expect: DS205
        LOG.debug(f"connecting as {conn['user']}")  # ok: DS205 the user key only

    def status(self):
        expiry = self.token_expiry
        policy = self.password_policy
        key_id = self.access_key
        LOG.info("token expires %s, policy %s, key %s", expiry, policy, key_id)  # ok: DS205 not secrets
        length = len(self.admin_password)
        has_password = self.admin_password is not None
        LOG.info("password length %d, set %s", length, has_password)  # ok: DS205 a length and a boolean
        use_token = self.use_token
        LOG.info("token auth on: %s", use_token)  # ok: DS205 a flag named for a secret

    def reset(self, password):
        chap = DEFAULT_CHAP_SECRET
        LOG.warning("Reset to default %s", chap)  # ok: DS205 an ALL_CAPS constant: its value is in the code, where DS204 reports it
        password = "***"
        LOG.warning("password now %s", password)  # ok: DS205 replaced by a constant

    def login(self, user, password):
        token = strutils.mask_password(password)
        body = {"user": user, "password": token}
        LOG.debug("login %s", body)  # ok: DS205 the entry holds a masked value
        request = dict(user=user,
                       password=token)
        LOG.debug("login %s", request)  # ok: DS205 a keyword holding a masked value, over two lines
        raw = {"user": user, "password": password if user else token}
        LOG.debug("login %s", raw)  # expect: DS205 one branch is not masked

    def _connection_params(self):
        address = self._conn["host"]
        return (address, self._conn["user"], self.admin_password)

    def open_session(self):
        address, user, password = self._connection_params()
        LOG.debug("connecting to %s", address)  # ok: DS205 the helper's first element, not its password
        session = (address, user, password)
        LOG.debug("session %s", session)  # expect: DS205 the whole tuple holds the password

    def direct(self, password):
        LOG.debug("Logging in with %s", password)  # ok: DS205 written in the call itself: DS201 reports it


def handle_request(context, req):
    """A request context's dict holds the caller's auth_token (oslo.context's to_dict())."""
    values = context.to_dict()
    LOG.debug("handling %s with %s",  # expect: DS205 a request context's dict, through a variable
              req.path, values)
    LOG.info("context: %s", ctxt_summary(context))  # ok: DS205 an unrelated helper's result
    LOG.debug("request %s", context.to_dict()["request_id"])  # ok: DS205 one field of the dict
    LOG.debug("as dict: %s", strutils.mask_dict_password(context.to_dict()))  # ok: DS205 masked


def handle_admin(req_context):
    LOG.warning("admin call %s", req_context.to_dict())  # expect: DS205 written in the call: no one-expression rule reports it
    LOG.warning("admin call %s", req_context.request_id)  # ok: DS205 an id


# --- credentialed URLs, console URLs, image locations, user data
from oslo_config import cfg

CONF = cfg.CONF
DEFAULT_BROKER = "rabbit://guest:guest@localhost:5672/"
MASKED_DB_URL = "mysql+pymysql://nova:***@db.internal/nova"
EXAMPLE_HELP = "The URL, e.g. mysql://user:pass@host/nova"


def _amqp_url(user, secret_part, host):
    return "amqp://%s:%s@%s/" % (user, secret_part, host)


def _mask_url(url):
    return url.split("@")[-1]


class MessagingDriver(object):
    def __init__(self, conf):
        self._url = "rabbit://nova:s3cret@mq.internal:5672/"
        self._console_base = conf.vnc.novncproxy_base_url

    def start(self):
        LOG.info("connecting to %s", self._url)  # expect: DS205 a credentialed URL literal through self.
        LOG.info("connecting to %s", _mask_url(self._url))  # ok: DS205 masked by a helper named for it

    def fallback(self):
        url = DEFAULT_BROKER
        LOG.warning("no transport configured, using %s", url)  # expect: DS205 through a module constant and a variable
        db_url = "postgresql://nova:nova@localhost/nova"
        LOG.warning("no database configured, using %s", db_url)  # expect: DS205 a literal assigned, then logged

    def amqp(self, user, secret_part, host):
        url = _amqp_url(user, secret_part, host)
        LOG.debug("amqp %(url)s", {"url": url})  # expect: DS205 a URL template with a password part, through a helper

    def templates(self):
        LOG.debug("default db url %s", MASKED_DB_URL)  # ok: DS205 the password part is masked
        LOG.debug("help: %s", EXAMPLE_HELP)  # ok: DS205 a URL in prose is an example
        auth_url = "http://controller:5000/v3"
        LOG.debug("authenticating at %s", auth_url)  # ok: DS205 no user:password@ in the URL

    def direct(self):
        LOG.debug("rabbit://nova:s3cret@mq/")  # ok: DS205 a literal in the call itself: DS201/DS203 report it


def sync_db():
    engine_url = CONF.database.connection
    LOG.info(  # expect: DS205 the database URL holds its password
        "Syncing database %s",
        engine_url,
    )
    LOG.info("db debug level %s, recycle after %s s",  # ok: DS205 numbers, not URLs
             CONF.database.connection_debug, CONF.database.connection_recycle_time)
    LOG.info("db %s", strutils.mask_password(CONF.database.connection))  # ok: DS205 masked


def replica(conf):
    settings = {"replica": conf.database.slave_connection, "api": CONF.api_database.connection}
    LOG.warning("Using %(replica)s and %(api)s", settings)  # expect: DS205 through a dict


def describe_cell(cell, context):
    msg = f"cell {cell.name} uses {cell.transport_url}"
    LOG.warning(msg)  # expect: DS205 a transport URL through an f-string
    LOG.error("Cannot reach %s" % CONF.transport_url)  # expect: DS205 rabbit://user:password@host
    LOG.debug("cell db engine %s", context.db_connection)  # ok: DS205 an engine, not a URL
    mapping = cell.obj_to_primitive()
    LOG.info("mapped to %s", mapping.get("transport_url"))  # expect: DS205 read with get()
    LOG.info("mapped to %s", mapping.get("name"))  # ok: DS205 another key
    LOG.info("mapped to %s", mapping.index("transport_url"))  # ok: DS205 not a read of the key


def get_vnc_console(self, context, console, console_auth):
    connect_info = console.get_connection_info(
        console_auth.token, console_auth.access_url)
    LOG.debug("console ready: %s", connect_info)  # expect: DS205 the console's details hold its token
    url = connect_info["access_url"]
    LOG.info("console at %s", url)  # expect: DS205 the access URL ends in ?token=
    LOG.info("console proxy %s port %s", connect_info["host"], connect_info["port"])  # ok: DS205 other fields
    base = console_auth.access_url_base
    LOG.info("console proxy at %s", base)  # ok: DS205 the base URL holds no token


def get_serial_console(self, node, console_utils):
    url = console_utils.get_socat_console_url(node.driver_info["port"])
    LOG.info("serial console at %s", url)  # ok: DS205 tcp://host:port, no token in it
    location = node.properties["provider_location"]
    LOG.debug("volume at %s", location)  # ok: DS205 `location` names a place here


# --- an outgoing request's headers: curl-style request logs, auth headers built into a dict
import base64

import requests
import six
import webob.exc

_logger = std_logging.getLogger("keystoneclient.session")


class Session(object):
    """keystoneclient's request log before LP#1327019 and after it."""

    def _http_log_request(self, url, method=None, data=None, headers=None):
        string_parts = ["REQ: curl -i"]
        if method:
            string_parts.extend(["-X", method])
        string_parts.append(url)
        if headers:
            for header in six.iteritems(headers):
                string_parts.append('-H "%s: %s"' % header)
        if data:
            string_parts.append("-d '%s'" % data)
        _logger.debug(" ".join(string_parts))  # expect: DS205 each header formatted as curl's -H

    @staticmethod
    def _process_header(header):
        secure_headers = ("authorization", "x-auth-token", "x-subject-token")
        if header[0].lower() in secure_headers:
            return (header[0], "TOKEN_REDACTED")
        return header

    def _http_log_request_redacted(self, url, headers=None):
        string_parts = ["REQ: curl -g -i", url]
        for header in headers.items():
            string_parts.append('-H "%s: %s"'
                                % self._process_header(header))
        _logger.debug(" ".join(string_parts))  # ok: DS205 each header passed through _process_header

    def http_log_req(self, method, url, kwargs):
        string_parts = ["curl -g -i", "-X %s" % method, url]
        for element in kwargs["headers"]:
            header = ("-H '%s: %s'" %
                      (element, kwargs["headers"][element]))
            string_parts.append(header)
        LOG.debug("REQ: %s", " ".join(string_parts))  # expect: DS205 novaclient's: the header read back by its name

    def log_curl_request(self, method, url, headers):
        curl = ["curl -i -X %s" % method]
        for key, value in headers.items():
            curl.append(f'-H "{key}: {value}"')
        curl.append(url)
        LOG.debug(" ".join(curl))  # expect: DS205 an f-string of the same shape

    def log_curl_safe(self, method, url, headers):
        curl = ["curl -i -X %s" % method]
        for key, value in headers.items():
            curl.append('-H "{}: {}"'.format(*self._safe_header(key, value)))
        LOG.debug(" ".join(curl))  # ok: DS205 novaclient's _safe_header hashes the value
        names = ["-H %s" % name for name in headers]
        LOG.debug(" ".join(names))  # ok: DS205 the header names only


class LightOSClient(object):
    """REST drivers that put a token into their request headers, then log the request."""

    def _headers(self):
        return {"Content-Type": "application/json",
                "Authorization": "Bearer %s" % self.jwt}

    def send(self, session, url, body):
        headers = {"Accept": "application/json",
                   "X-Auth-Token": self._get_token()}
        kwargs = {"headers": headers, "data": body, "timeout": 30}
        LOG.debug("POST %(url)s with %(kwargs)s",  # expect: DS205 the headers dict holds the token
                  {"url": url, "kwargs": kwargs})
        return session.post(url, **kwargs)

    def send_basic(self, session, url, user, pw):
        creds = base64.b64encode(("%s:%s" % (user, pw)).encode()).decode()
        hdrs = {"Accept": "application/json"}
        hdrs["Authorization"] = "Basic " + creds
        LOG.debug("sending %s with headers %s", url, hdrs)  # expect: DS205 Basic credentials assigned into the headers
        return self._send(session, url, hdrs)

    def send_jwt(self, session, url):
        headers = self._headers()
        LOG.info("request headers: %s", headers)  # expect: DS205 a helper built the Bearer header
        LOG.info("content type: %s", headers["Content-Type"])  # ok: DS205 another header, read by its key
        LOG.info("sending %d headers", len(headers))  # ok: DS205 a count

    def send_plain(self, session, url):
        headers = {"Accept": "application/json", "Authorization": "Basic"}
        LOG.debug("request headers: %s", headers)  # ok: DS205 a constant scheme, no credential
        masked = strutils.mask_dict_password(self._headers())
        LOG.debug("request headers: %s", masked)  # ok: DS205 masked
        LOG.debug("header names: %s", list(self._headers().keys()))  # ok: DS205 only the names

    def send_redacted(self, session, url):
        headers = self._headers()
        safe = {k: ("***" if k.lower() in ("authorization", "x-auth-token") else v)
                for k, v in headers.items()}
        LOG.debug("request headers: %s", safe)  # ok: DS205 sensitive values replaced by a constant
        shown = {name: value if name not in SECRET_HEADERS else "<redacted>"
                 for name, value in headers.items()}
        LOG.debug("request headers: %s", shown)  # ok: DS205 the same, branches the other way round
        upper = {k.upper(): (v if v else "") for k, v in headers.items()}
        LOG.debug("request headers: %s", upper)  # expect: DS205 a constant for empty values only
        copied = {k: v for k, v in headers.items()}
        LOG.debug("request headers: %s", copied)  # expect: DS205 a plain copy keeps the Bearer token


class RestClient(object):
    """Headers handed to the request call whole: whatever authenticates the client is in them."""

    def _rest_call(self, method, url, body=None, headers=None):
        LOG.debug("Sending %(method)s to %(url)s with headers %(headers)s",  # expect: DS205 the headers the call sends
                  {"method": method, "url": url, "headers": headers})
        return self.session.request(method, url, data=body,
                                    headers=headers, verify=self.verify)

    def _get(self, url, req_headers):
        options = dict(timeout=10, verify=True)
        options["headers"] = req_headers
        LOG.debug("GET %s %s", url, options)  # expect: DS205 put into the call's keyword arguments
        return requests.get(url, headers=req_headers, timeout=10)

    def _post(self, url, body, headers):
        LOG.debug("POST %s content type %s", url, headers.get("Content-Type"))  # ok: DS205 one header read by a harmless key
        LOG.debug("POST %s with %d headers", url, len(headers))  # ok: DS205 a count
        return requests.post(url, data=body, headers=headers)

    def _reply(self, version, headers=None):
        LOG.debug("not acceptable: %s %s", version, headers)  # ok: DS205 a response's headers, not sent by a request
        raise webob.exc.HTTPNotAcceptable("bad version", headers=headers)

    def _put(self, url, headers):
        LOG.debug("PUT %s with %s", url, strutils.mask_dict_password(headers))  # ok: DS205 masked
        return requests.put(url, headers=headers)


def trace(f):
    """Shaped like cinder's utils.trace before it masked: every argument of the traced method."""
    import functools
    from inspect import getcallargs as bind_arguments

    @functools.wraps(f)
    def trace_logging_wrapper(*args, **kwargs):
        all_args = inspect.getcallargs(f, *args, **kwargs)
        LOG.debug("==> %(func)s: call %(all_args)r",  # expect: DS205
                  {"func": f.__name__, "all_args": all_args})
        bound = bind_arguments(f, *args, **kwargs)
        masked = strutils.mask_dict_password(bound)
        LOG.debug("==> %s: call %r", f.__name__, masked)  # ok: DS205 masked
        instance = bind_arguments(f, *args, **kwargs)["instance"]
        LOG.info("reverting task state of %s", instance)  # ok: DS205 one argument read back by name
        return f(*args, **kwargs)

    return trace_logging_wrapper


# --- redactions: an entry taken out, or written over with a constant, between source and log
_SENSITIVE_HEADERS = frozenset(["X-Auth-Token", "X-Service-Token"])
_CREDENTIAL_KEYS = ("password", "token")
_LOWER_SENSITIVE_HEADERS = ("x-auth-token", "authorization")


class RedactingClient(object):
    """Shaped like the clients that copy their request headers and blank the token before logging."""

    def _send(self, session, url, headers):
        safe_headers = dict(headers)
        safe_headers["X-Auth-Token"] = "***"
        LOG.debug("REQ: %(url)s %(headers)s",  # ok: DS205 the token was overwritten with a constant
                  {"url": url, "headers": safe_headers})
        return session.request("GET", url, headers=headers)

    def _send_masked_stars(self, session, url, headers):
        shown = copy.deepcopy(headers)
        for name in _SENSITIVE_HEADERS:
            if name in shown:
                shown[name] = "*" * 8
        LOG.debug("REQ: %s %s", url, shown)  # ok: DS205 a loop over the secret headers masks each
        return session.request("GET", url, headers=headers)

    def _send_wrong_key(self, session, url, headers):
        shown = dict(headers)
        shown["X-Openstack-Request-Id"] = "***"
        LOG.debug("REQ: %s %s", url, shown)  # expect: DS205 the request id was blanked, not the token
        return session.request("GET", url, headers=headers)

    def _send_other_copy(self, session, url, headers):
        shown = dict(headers)
        shown.pop("X-Auth-Token", None)
        LOG.debug("REQ: %s %s",  # expect: DS205 the copy was redacted, the original is logged
                  url, headers)
        return session.request("GET", url, headers=headers, data=shown)

    def _send_folded(self, session, url, headers):
        shown = dict(headers)
        for name in shown:
            if name.lower() in _LOWER_SENSITIVE_HEADERS:
                shown[name] = "<redacted>"
        LOG.debug(  # ok: DS205 every header whose lower case the set lists is blanked
            "REQ: %s %s", url, shown)
        return session.request("GET", url, headers=headers)

    def _send_authorization(self, session, url, headers):
        shown = dict(headers)
        del shown["Authorization"]
        LOG.debug("REQ: %s %s", url, shown)  # ok: DS205 the Authorization header was deleted
        return session.request("GET", url, headers=headers)


def log_token_headers(url, token):
    headers = {"X-Auth-Token": token, "Accept": "application/json"}
    shown = dict(headers)
    for name in list(shown.keys()):
        if name in _LOWER_SENSITIVE_HEADERS:
            del shown[name]
    LOG.debug("REQ: %s %s", url, shown)  # expect: DS205 'X-Auth-Token' compared as written is not among the lower-case names
    for name in list(shown.keys()):
        if name.lower() in _LOWER_SENSITIVE_HEADERS:
            del shown[name]
    LOG.debug("REQ: %s %s", url, shown)  # ok: DS205 compared in lower case, the token header is deleted


def log_login(user, password, domain):
    creds = {
        "username": user,
        "password": password,
        "domain": domain,
    }
    shown = dict(creds, password="***")
    LOG.info("Logging in with %s", shown)  # ok: DS205 a copy with the password replaced
    hidden = {**creds, "password": None}
    LOG.info("Logging in with %s", hidden)  # ok: DS205 the password entry written after the splat
    renamed = dict(creds, username="admin")
    LOG.info("Logging in with %s", renamed)  # expect: DS205 another entry replaced
    overridden = {"password": "***", **creds}
    LOG.info("Logging in with %s",  # expect: DS205 the splat comes after the mask and puts the password back
             overridden)


def log_login_redacted(user, password, verbose):
    body = {"auth": {"user": user, "password": password}}
    if verbose:
        body["auth"]["password"] = "***"
    LOG.debug("auth request %s", body)  # expect: DS205 redacted in one branch only
    for key in _CREDENTIAL_KEYS:
        body["auth"].pop(key, None)
    LOG.debug("auth request %s", body)  # ok: DS205 every credential key popped on every path


def log_then_redact(user, password):
    params = {"user": user, "password": password}
    LOG.debug("params %s", params)  # expect: DS205 logged before the password is deleted
    del params["password"]
    return params


class ConsoleProxy(object):
    """Shaped like nova's websocket proxy, which blanks the console token of a copy before printing it."""

    def new_websocket_client(self, connect_info):
        sanitized_info = copy.copy(connect_info)
        sanitized_info.token = "***"
        LOG.info("connect info: %s", sanitized_info)  # ok: DS205 the token attribute written over
        shown = copy.copy(connect_info)
        shown.internal_access_path = None
        LOG.info("connect info: %s", shown)  # expect: DS205 another attribute written over


# --- held-out look-alikes (heat): a constant written under a secret's name, another field of a token's body
class AccessKey(object):
    def handle_delete(self):
        self._secret = None
        user = self._get_user()
        if user is None:
            LOG.debug('Error deleting %s - user not found',
                      str(self))  # ok: DS205 the only secret written on self is None
            return

    def handle_create(self, kp):
        creds = {}
        creds['password'] = ''
        creds['user'] = kp.user
        LOG.debug("creating %s", creds)  # ok: DS205 an empty password is no secret

    def create_trust(self, context, trustor_user_id):
        role_kw = {}
        token_info = context.auth_token_info
        if token_info and token_info.get('token', {}).get('roles'):
            role_kw['role_ids'] = [r['id'] for r in
                                   token_info['token']['roles']]
        LOG.debug("Failed to find roles %s for user %s",
                  role_kw, trustor_user_id)  # ok: DS205 the roles of a token's body, not the token

    def store(self, kp):
        creds = {}
        creds['password'] = kp.secret
        LOG.debug("stored %s",  # expect: DS205 a secret written under the key
                  creds)

    def s3_authenticate(self, s3_auth_details):
        # swift's s3token: the access key is the key's id, sent in the clear with every request.
        access = s3_auth_details['access_key']
        force_tenant = None
        if ':' in access:
            access, force_tenant = access.split(':')
        LOG.debug('Connecting with tenant: %s', force_tenant)  # ok: DS205 an access key id, not a secret
        signing = s3_auth_details['secret_access_key']
        LOG.debug('with %s', signing)  # expect: DS205 the secret access key


# --- held-out look-alikes (octavia, keystone): a secret-named option or name that holds a key FILE's path
class LocalCertGenerator(object):
    def _validate_cert(self):
        key_location = CONF.certificates.ca_private_key
        with open(CONF.certificates.ca_private_key, 'rb') as fp:
            fp.read()
        LOG.info("Using CA private key from %s", key_location)  # ok: DS205 the option is opened as a file in this function: its path

    def _check_keys(self):
        private_key = os.path.join(CONF.jwt_tokens.jws_private_key_repository, 'private.pem')
        if not os.path.exists(private_key):
            subs = {'private_key': private_key}
            LOG.error('%(private_key)s does not exist', subs)  # ok: DS205 tested as a file in this function: the key's path

    def _load_key(self, key_file):
        with open(key_file) as f:
            private_key = f.read()
        subs = {'private_key': private_key}
        LOG.debug('loaded key %(private_key)s', subs)  # expect: DS205 the key read from the file

    def _reload_key(self, private_key):
        with open(private_key) as f:
            private_key = f.read()
        material = private_key
        LOG.debug('key material %s', material)  # expect: DS205 rebound to the file's content after the open

    def _describe(self):
        key_location = CONF.certificates.ca_private_key
        LOG.debug('CA key %s', key_location)  # expect: DS205 opened as a file only in another function


# --- held-out look-alikes (tacker's VIM client): a key FILE's path joined from an option named for the key
from pathlib import Path


class VimClient(object):
    @staticmethod
    def _find_vim_key(vim_id):
        key_file = os.path.join(CONF.vim_keys.openstack, vim_id)
        if not os.path.isfile(key_file):
            key_file = os.path.join(CONF.vim_keys.openstack,
                                    CONF.vim_keys.default_secret_key)
        try:
            with open(key_file, 'r') as f:
                return f.read()
        except Exception:
            LOG.warning('VIM id invalid or key not found [key_file=%s]',  # ok: DS205 a path joined from the option: it names the file
                        key_file)

    def _key_paths(self, vim_id):
        key_path = Path(CONF.vim_keys.openstack) / CONF.vim_keys.default_secret_key
        LOG.debug("default key at %s", key_path)  # ok: DS205 a pathlib path built with /
        nested = Path(CONF.vim_keys.openstack) / vim_id / self.conf.auth_token
        LOG.debug("token file at %s", nested)  # ok: DS205 a pathlib path built with / twice
        parts = Path(CONF.vim_keys.openstack, self.conf.secret_key)
        LOG.debug("key at %s", parts)  # ok: DS205 a pathlib path built from parts

    def _auth_pair(self, user):
        pair = ':'.join((user, CONF.vim_keys.default_secret_key))
        LOG.debug("auth pair %s", pair)  # expect: DS205 str.join is no path join
        half = self.conf.auth_token / 2
        LOG.debug("half %s", half)  # expect: DS205 a division, not a pathlib path


# --- a value the message labels an identifier or a name (python-openstackclient's delete commands)
from openstackclient.i18n import _


class DeleteApplicationCredential(object):
    def take_action(self, parsed_args, identity_client, user_id):
        for ac in parsed_args.application_credential:
            try:
                identity_client.find_application_credential(user_id, ac, ignore_missing=False)
            except Exception as e:
                LOG.error(  # ok: DS205 the message labels it a name or ID
                    _(
                        "Failed to delete application credential with "
                        "name or ID '%(ac)s': %(e)s"
                    ),
                    {'ac': ac, 'e': e},
                )
                LOG.error(  # expect: DS205 labelled a secret, not an ID
                    _(
                        "Failed to delete application credential with "
                        "secret '%(ac)s': %(e)s"
                    ),
                    {'ac': ac, 'e': e},
                )
                LOG.error(  # expect: DS205 the same value under another, unlabelled key
                    _("Application credential ID '%(ac)s': %(raw)s"),
                    {'ac': ac, 'raw': ac},
                )

    def show(self, parsed_args):
        cred_id = self.credential
        LOG.debug("Showing credential with ID %s", cred_id)  # ok: DS205 labelled an ID
        LOG.debug("Showing credential %s with ID %s", cred_id, cred_id)  # expect: DS205 also in an unlabelled placeholder
        name = parsed_args.secret
        LOG.warning(_("Unable to find secret with name '%s'") % name)  # ok: DS205 labelled a name
        LOG.warning(_("Unable to find secret %s") % name)  # expect: DS205 not labelled


class Resource(object):
    # murano's WSGI resource: X-* headers are skipped unless listed, so X-Auth-Token is left out,
    # but every other header (Authorization, Cookie, Proxy-Authorization) is logged whole.
    def __call__(self, request):
        LOG.debug("{method} {url}\nHEADERS: {headers}".format(  # expect: DS205 only X-* headers are filtered: Authorization passes
                  method=request.method,
                  url=request.url,
                  headers=self._format_request_headers(request.headers)))

    def _format_request_headers(self, headers):
        string_parts = []
        useful_headers = ("X-Configuration-Session",
                          "X-Roles",
                          "X-User-Id",
                          "X-Tenant-Id")
        for header, value in headers.items():
            if header.startswith("X-") and header not in useful_headers:
                continue
            string_parts.append("{0}: {1}".format(header, value))
        return ', '.join(string_parts)


# --- another key of a secret-holding dict in a list (monasca-api's grafana-init: users from a helper)
import json

GRAFANA_PASSWORD = os.environ.get('GRAFANA_PASSWORD', 'password')
GRAFANA_USERS = [{'user': 'mini-mon', 'password': GRAFANA_PASSWORD, 'email': ''}]


def create_login_payload():
    if os.environ.get('GRAFANA_USERS'):
        grafana_users = json.loads(os.environ.get('GRAFANA_USERS'))
    else:
        grafana_users = GRAFANA_USERS
    return grafana_users


def grafana_main(key):
    for user in create_login_payload():
        std_logging.info('Opening %r session...', user.get('user'))  # ok: DS205 another key of the dict
        std_logging.info('Ending %r session...', user['user'])  # ok: DS205 likewise, subscripted
        std_logging.info('Ending %r session...', user.get('email', 'none'))  # ok: DS205 another key, with a default
        std_logging.info('Login as %r', user.pop('user'))  # ok: DS205 another key, popped
        std_logging.info('Login with %r', user.get('password'))  # expect: DS205 the secret's own key
        std_logging.info('Login with %r', user.get(key))  # expect: DS205 a key not known
        std_logging.info('Login as %r', user)  # expect: DS205 the whole dict
        std_logging.info('Login as %s' % user)  # expect: DS205 the whole dict, formatted
        std_logging.info('Fields %s', list(user.items()))  # expect: DS205 every entry
    users = GRAFANA_USERS
    for entry in users:
        std_logging.info(  # ok: DS205 another key, set by default
            'User %s', entry.setdefault('user', 'admin'))
        std_logging.info('User %s', entry.get('password'))  # expect: DS205 the secret's own key


# kolla-ansible's CLI: the passwords FILE's path, tested as a file through an alias, then logged.
def check_passwords_file(parsed_args):
    if parsed_args.kolla_passwords:
        passwd_file = parsed_args.kolla_passwords
    else:
        passwd_file = os.path.join(
            os.path.abspath(parsed_args.kolla_config_path), "passwords.yml")
    result = utils.is_readable_file(passwd_file)
    if not result["result"]:
        LOG.error("Kolla Ansible passwords file %s is invalid: %s",  # ok: DS205 a path, tested as a file
                  passwd_file, result["message"])


def check_passwords(parsed_args):
    given = parsed_args.kolla_passwords
    result = utils.is_valid_password(given)
    if not result["result"]:
        LOG.error("Kolla Ansible password %s is invalid: %s",  # expect: DS205 tested, but not as a file
                  given, result["message"])


# networking-arista's JSON client: one helper builds the switch URL, with the real password for
# the request and with a mask for the log line.
class AristaClient(object):
    def _get_url(self, host="", user="", password=""):
        return ("https://%s:%s@%s/openstack/api/" %
                (user, password, host))

    def _api_host_url(self, host=""):
        return self._get_url(host, self._api_username(), self._api_password())

    def _send_request(self, host, path, data=None):
        url = self._api_host_url(host=host) + path
        # Don't log the password
        log_url = self._get_url(host=host, user=self._api_username(),
                                password="*****") + path
        msg = "JSON request url %(url)s data: %(data)s" % {"url": log_url, "data": data}
        LOG.info(msg)  # ok: DS205 the URL built with a mask for its password
        direct = self._get_url(host, self._api_username(), self._api_password())
        LOG.debug("sending to %s", direct)  # expect: DS205 the URL built with the password itself
        LOG.debug("sending to %s", self._get_url(host, "admin", None))  # ok: DS205 no password at all

    def _format_url(self, user, password, host):
        return "https://{}:{}@{}/api/".format(user, password, host)

    def _fstring_url(self, user, password, host):
        return f"https://{user}:{password}@{host}/api/"

    def connect(self, host):
        shown = self._format_url(self.user, "***", host)
        LOG.info("connecting to %s", shown)  # ok: DS205 .format with a mask in the password's slot
        real = self._format_url(self.user, self.password, host)
        LOG.info("connecting to %s", real)  # expect: DS205 .format with the password in its slot
        LOG.info("connecting to %s", self._fstring_url(self.user, "", host))  # ok: DS205 an f-string, empty password
        LOG.info("connecting to %s", self._fstring_url(self.user, self.password, host))  # expect: DS205 an f-string, the password


def broker_url(user, pw, host):
    url = "amqp://%s:%s@%s/" % (user, pw, host)
    LOG.info("broker at %s", url)  # expect: DS205 a template whose password slot is a parameter not named for one


class BgpGatewayDriver(object):
    """vmware-nsx's BGP driver: each gateway's id and password unpacked from a comprehension."""

    def add_gateway_neighbours(self, bgp_peers, local_as, peers):
        for edge_gw, password in [(peer['esg_id'], peer['password'])
                                  for peer in bgp_peers if peer.get('esg_id')]:
            neighbours = [gw_bgp_neighbour(bgp_id, local_as, password) for bgp_id in peers]
            try:
                self._nsxv.add_bgp_neighbours(edge_gw, neighbours)
            except Exception:
                LOG.error("Failed to add BGP neighbour on GW Edge '%s'",  # ok: DS205 the gateway's id, not the password beside it
                          edge_gw)

    def log_gateway_neighbours(self, bgp_peers):
        for edge_gw, password in ((peer['esg_id'], peer['password']) for peer in bgp_peers):
            message = "Adding neighbours of %s with password %s" % (edge_gw, password)
            LOG.debug(message)  # expect: DS205 the password's own position

    def log_gateway_values(self, bgp_peers):
        for gw, value in [(peer['esg_id'], peer['password']) for peer in bgp_peers]:
            LOG.debug("Gateway %s: %s", gw, value)  # expect: DS205 the second position is the password

    def remove_gateway_neighbours(self, context, speaker_id, local_as, peers_to_remove):
        # The list bound to a name first, the loop lines later (vmware-nsx's _stop_bgp_on_edges).
        bgp_peers = self._plugin.get_bgp_peers_by_bgp_speaker(context,
                                                              speaker_id)
        gw_edges = [(peer['esg_id'], peer['password'])
                    for peer in bgp_peers if peer.get('esg_id')]
        for gw_edge, password in gw_edges:
            neighbours = [gw_bgp_neighbour(bgp_id, local_as, password)
                          for bgp_id in peers_to_remove]
            try:
                self._nsxv.remove_bgp_neighbours(gw_edge, neighbours)
            except Exception:
                LOG.error("Failed to remove BGP neighbour on GW edge '%s'.",  # ok: DS205 the gateway's id, from a list bound first
                          gw_edge)

    def log_bound_gateway_passwords(self, bgp_peers):
        pairs = [(peer['esg_id'], peer['password']) for peer in bgp_peers]
        for gw_edge, value in pairs:
            LOG.debug("Edge %s uses %s", gw_edge, value)  # expect: DS205 the password's position of the list bound first

    def log_written_gateways(self, first, second):
        pairs = [(first['esg_id'], first['password']),
                 (second['esg_id'], second['password'])]
        for gw_edge, _password in pairs:
            LOG.info("Peering with %s", gw_edge)  # ok: DS205 the ids' position of a list written out
        for gw_edge, peer_value in pairs:
            LOG.info("Peering with %s using %s", gw_edge, peer_value)  # expect: DS205 the passwords' position of a list written out


def log_option_names(conf):
    # A loop over pairs written in its header: each name takes its position of every pair.
    for name, value in [('admin_password', conf.admin_password),
                        ('user_name', conf.user_name)]:
        LOG.info("Checking option %s", name)  # ok: DS205 the names' position, not the first pair whole
        LOG.debug("Option %s is %s",  # expect: DS205 the values' position holds the admin password
                  name, value)


# --- a parsed config's connection URLs, a console's access URL from a dict, a context's to_dict(), a curl line's headers
from oslo_context import context as oslo_context


def start_notifier(settings):
    url = settings["transport_url"]
    LOG.info("Notifications go to %s", url)  # expect: DS205 the transport URL holds the broker's password
    backend = settings.get("database_connection")
    LOG.debug("Reports stored in %s", backend)  # expect: DS205 the database URL holds its password


def describe_console(connect_info):
    access = connect_info.get("access_url")
    LOG.debug("console for the user at %s", access)  # expect: DS205 the access URL holds the console token
    host = connect_info.get("host")
    LOG.debug("console proxy host %s", host)  # ok: DS205 the host only


class AuditContext(oslo_context.RequestContext):
    def log_request(self):
        values = self.to_dict()
        LOG.debug("request context: %s", values)  # expect: DS205 to_dict() holds the auth token

    def log_user(self):
        LOG.debug("request by %s", self.user_id)  # ok: DS205 an id


def log_curl(method, url, headers):
    parts = ["curl -i -X %s '%s'" % (method, url)]
    for name, value in headers.items():
        parts.append("-H '{}: {}'".format(name, value))
    LOG.debug("REQ: %s", " ".join(parts))  # expect: DS205 every header's value, the token among them


def reset_password(request, messages, user, generate):
    # Django's messages framework: the new password goes to the user's own page, not to a log.
    password = generate()
    user.set_password(password)
    text = "Your new password is %s" % password
    messages.info(request, text)  # ok: DS205 a message shown to the user, no logger
    LOG.info("Password reset for %s", user.username)  # ok: DS205 the user name only


# --- ALL_CAPS constants (StarlingX), and `%` templates that name the entries they print (oslo's impl_kombu)
from sysinv.common import constants

MODE_SECRET = 'secret'
MODE_PASSWORD = os.environ.get('MODE_PASSWORD')


def get_cert_mode(secretobj):
    mode = MODE_SECRET if secretobj.type == 'kubernetes.io/tls' else 'other'
    LOG.debug('returning (%s, %s)', secretobj.name, mode)  # ok: DS205 a mode's name, an ALL_CAPS constant
    unlock = MODE_PASSWORD
    LOG.debug('unlocking with %s', unlock)  # expect: DS205 that constant is read from the environment


def create_drbd_parameter(dbapi, key):
    values = {
        'service': 'platform',
        'name': key,
        'secret': constants.SERVICE_PARAM_NAME_DRBD_SECRET,
    }
    dbapi.service_parameter_create(values)
    LOG.info("System parameter %s created", values)  # ok: DS205 the parameter's name, a constant of another module


class KombuConnection(object):
    def __init__(self, conf, hosts):
        params_list = []
        for host in hosts:
            params = {
                'hostname': host,
                'port': conf.rabbit_port,
                'userid': conf.rabbit_userid,
                'password': conf.rabbit_password,
            }
            params_list.append(params)
        self.params_list = params_list

    def reconnect(self, attempt, err):
        params = self.params_list[attempt % len(self.params_list)]
        log_info = {}
        log_info['err_str'] = str(err)
        log_info.update(params)
        LOG.error(_('Unable to connect to AMQP server on '  # ok: DS205 the template prints three entries, not the password
                    '%(hostname)s:%(port)d: %(err_str)s') % log_info)
        LOG.error(_('AMQP server %(hostname)s refused %(userid)s/%(password)s')  # expect: DS205 the template names the password entry
                  % log_info)
        LOG.error('AMQP server unreachable: %s' % log_info)  # expect: DS205 a positional placeholder prints the dict whole
        first = self.params_list[0]
        LOG.debug('first broker %(hostname)s' % first)  # ok: DS205 one entry of the first element


def drop_region_clients(region_name, clear_token=False):
    state = "clear_token=%s" % clear_token
    LOG.warning("dropping clients of %s: %s", region_name, state)  # ok: DS205 a flag parameter defaulting to False


def migrate_databases(db_credentials, port, simplex=False):
    # StarlingX's migrate_databases: (name, command) pairs, the command holding a database URL.
    migrate_commands = [
        ('barbican',
         'barbican-manage db upgrade ' +
         '--db-url %s' % connection_string(db_credentials, port, 'barbican')),
    ]
    if not simplex:
        migrate_commands += [
            ('keystone',
             'keystone-manage db_sync --expand')
        ]
    for cmd in migrate_commands:
        print("Migrating %s" % cmd[0])
        result = subprocess.run(cmd[1], shell=True, check=True, text=True,
                                stdout=subprocess.PIPE)
        if result.stdout:
            LOG.debug("Output from %s: %s" % (cmd[0], result.stdout))  # ok: DS205 the pair's name, not its command
        LOG.info("Ran migrate command: %s" %  # expect: DS205 the command holds the database password
                 cmd[1])
    services = [(name, command) for name, command in migrate_commands]
    for service in services:
        LOG.info("Migrated %s", service[0])  # ok: DS205 the first position of pairs a comprehension yields
    first = migrate_commands[0]
    LOG.debug("First migration: %s", first)  # expect: DS205 the first pair whole, its command included
    LOG.debug("First service: %s", first[0])  # ok: DS205 the name's position of one pair


def connection_string(db_credentials, port, database):
    password = db_credentials[database]['password']
    return "postgresql://admin:%s@localhost:%s/%s" % (password, port, database)


class ServiceRespawn(object):
    # cloudbase-init's _reset_service_password_and_respawn: a (domain, user, password) triple.
    @staticmethod
    def reset_and_respawn(osutils):
        credentials = osutils.reset_service_password()
        if not credentials:
            return
        service_domain, service_user, service_password = credentials
        _, current_user = osutils.get_current_user()
        if current_user != service_user:
            LOG.debug("No need to respawn process. Current user: "  # ok: DS205 the user's part, the password named apart
                      "%(current_user)s. Service user: "
                      "%(service_user)s",
                      {"current_user": current_user,
                       "service_user": service_user})
            return
        message = "Respawning as %s with %s" % (service_user, service_password)
        LOG.debug(message)  # expect: DS205 the password's own part of the triple
        domain, user, third = credentials
        LOG.debug("Respawning as %s", user)  # expect: DS205 no part is named for the secret, so any may hold it
        respawn_args = {'user': service_user, 'credentials': credentials}
        LOG.debug("Respawn: %s", respawn_args)  # expect: DS205 the triple whole


# infrared's interactive ssh: the private key FILE's path (tested with os.access) is written as
# ssh's `-i` option under a secret-named key, and the command built from the dict is logged.
def ssh_to_host(host, inventory_file, remote_command=None):
    cmd = " ".join(["ssh {priv_key} {comm_args}",
                    "{extra_args} -p {port} -t {user}@{host}"])

    cmd_fields = {}
    cmd_fields["user"] = _get_magic_var(host, "remote_user", default="root")
    cmd_fields["port"] = _get_magic_var(host, "port", default=22)
    cmd_fields["host"] = _get_magic_var(host, "remote_addr")

    priv_key = _get_magic_var(host, "private_key_file")
    priv_key = os.path.join(os.path.abspath(os.path.dirname(inventory_file)),
                            priv_key)
    if not os.access(priv_key, os.R_OK):
        raise IOError("Private key file mentioned does not "
                      "exist: {}".format(priv_key))

    if priv_key:
        cmd_fields["priv_key"] = "-i {}".format(priv_key)
    else:
        cmd_fields["priv_key"] = ""

    cmd_fields["comm_args"] = _get_magic_var(host, "ssh_common_args")
    cmd_fields["extra_args"] = _get_magic_var(host, "ssh_extra_args")

    compiled_cmd = cmd.format(**cmd_fields)
    LOG.debug("Establishing ssh connection to {} using: {}".format(cmd_fields["host"], compiled_cmd))  # ok: DS205 the entry holds the key file's path, tested as a file, in ssh's -i option
    if remote_command is not None:
        compiled_cmd = " ".join(
            [compiled_cmd, '"{}"'.format(remote_command)])
    return os.system(compiled_cmd)


def scp_to_host(host, private_key, extra_opts, user="root"):
    # The key file's path given whole (not joined), tested with os.path.exists, written with `%`
    # and as an f-string.
    if not os.path.exists(private_key):
        raise IOError(private_key)
    opts = {}
    opts["private_key"] = "-i %s" % private_key
    command = "scp {private_key} {user}@{host}".format(user=user, host=host, **opts)
    LOG.info("copying with %s",  # ok: DS205 the key file's path in an option built with %
             command)
    args = {"private_key": f"-o IdentityFile={private_key}", "host": host}
    line = "ssh %(private_key)s %(host)s" % args
    LOG.info("running %s", line)  # ok: DS205 the key file's path in an f-string
    mixed = {}
    mixed["private_key"] = "-i {} {}".format(private_key, extra_opts)
    LOG.info("running %s", mixed)  # expect: DS205 a value not known filled in beside the path


def ssh_with_key_data(host, key_file, key_material):
    if not os.path.exists(key_file):
        raise IOError(key_file)
    with open(key_file) as f:
        priv_key = f.read()
    cmd_fields = {}
    cmd_fields["priv_key"] = "--key-data={}".format(priv_key)
    compiled_cmd = "ssh {priv_key} {host}".format(host=host, **cmd_fields)
    LOG.debug("Establishing ssh connection using: {}".format(  # expect: DS205 the key's content, read from the file
        compiled_cmd))
    given = {}
    given["priv_key"] = key_material
    LOG.debug("ssh with %s", given)  # expect: DS205 key material written under the key, no path


def ssh_with_reread_key(host, priv_key):
    if not os.access(priv_key, os.R_OK):
        raise IOError(priv_key)
    with open(priv_key) as f:
        priv_key = f.read()
    cmd_fields = {}
    cmd_fields["priv_key"] = "-i {}".format(priv_key)
    compiled_cmd = "ssh {priv_key} {host}".format(host=host, **cmd_fields)
    LOG.debug("ssh: %s",  # expect: DS205 tested as a file, then rebound to its content
              compiled_cmd)


def discover_netapp_credentials(output, san_type, send_cmd_read_response):
    # StarlingX's openstack-armada-app: a Secret's name read from a `kubectl` listing, then the Secret itself.
    credentials = {}
    secret_name = ""
    for line in output.splitlines():
        line_san_type, _, line_secret = line.partition("\t")
        if line_san_type.strip() == san_type:
            secret_name = line_secret.strip()
            break
    b64_creds = send_cmd_read_response(["kubectl", "get", "secret", secret_name], log=False)
    if not b64_creds or "::" not in b64_creds:
        LOG.error(f"Secret '{secret_name}' missing credentials")  # ok: DS205 the source is bound to a local called a name
        return credentials
    return credentials


def log_listed_secrets(output):
    for line in output.splitlines():
        _, _, line_secret = line.partition("\t")
        secret_value = line_secret.strip()
        LOG.error(f"Secret '{secret_value}' missing credentials")  # expect: DS205 bound to a value, not a name


class HelmStarter(object):
    # StarlingX's stx control: the image pull Secret's name set on the helm command line, which is logged.
    def start(self, k8s, use_dockerhub_cred, registry):
        cmd = 'helm install stx-builder'
        if use_dockerhub_cred:
            image_pull_secret = k8s.try_create_docker_cred_secret()
            if image_pull_secret:
                cmd += f' --set global.imagePullSecrets[0].name={image_pull_secret}'
        self.logger.debug('Execute the helm start command: %s', cmd)  # ok: DS205 the text right before the field labels it a name
        registry_secret = registry.read_secret()
        cmd += f' --set global.registry.password={registry_secret}'
        self.logger.debug('Execute the helm start command: %s',  # expect: DS205 the field labelled a password
                          cmd)
        shown = f' --set global.registry.name={registry_secret!r}'
        self.logger.debug('Execute: %s', shown)  # expect: DS205 a conversion: not only the name's text
        named = f' --set global.registry.name={registry_secret}'
        self.logger.debug('Execute: %s', named)  # ok: DS205 labelled a name, as the Secret's name above


class StackUserRequests(object):
    # sunbeam's ops-sunbeam: the user's password is sent as the ID of a Juju secret the ops service resolves.
    def create_user_request(self, username, domain):
        credentials_id = self._ensure_credentials()
        request = {
            "name": "create_user",
            "params": {
                "name": username,
                "password": credentials_id,
                "domain": domain,
            },
        }
        LOG.debug(f"Sending ops request: {request}")  # ok: DS205 the secret's ID, named so
        password = self._get_password(credentials_id)
        direct = {"params": {"name": username, "password": password}}
        LOG.debug(f"Sending ops request: {direct}")  # expect: DS205 the password itself
        token_id = self._issue_token()
        auth = {"token": token_id}
        LOG.debug("auth: %s", auth)  # expect: DS205 keystone's token ID is the token


def ensure_bootstrap_token(hardware, payload, check_secret_exists):
    # doni's k8s worker: a Kubernetes bootstrap token is `<id>.<secret>`; its Secret is named by the ID.
    bootstrap_token = hardware.properties.get("k8s_bootstrap_token")
    token_id, token_secret = bootstrap_token.split('.')
    secret_name = f"bootstrap-token-{token_id}"
    if check_secret_exists(secret_name):
        LOG.info(f"Valid Secret '{secret_name}' for device '{hardware.name}' already exists.")  # ok: DS205 the token's public ID, split apart from its secret
    stored = f"{token_id}:{token_secret}"
    LOG.debug("bootstrap token %s", stored)  # expect: DS205 the secret half goes in too
    head, rest = bootstrap_token.split('.', 1)
    LOG.debug("token head %s", head)  # expect: DS205 no piece is named as the secret: the split is still the token's


async def global_extravars(client, os):
    # azimuth's CaaS operator: the setting says where a Secret is, `<namespace>/<name>`.
    secret_info = os.environ.get("GLOBAL_EXTRAVARS_SECRET")
    if not secret_info:
        return {}
    LOG.info("extracting global extravars from %s", secret_info)  # ok: DS205 cut into a namespace and a name: a reference
    secret_namespace, secret_name = secret_info.split("/", maxsplit=1)
    secret = await client.fetch(secret_name, namespace=secret_namespace)
    admin_info = os.environ.get("ADMIN_SECRET")
    LOG.info("admin %s", admin_info)  # expect: DS205 cut into a user and a password: the secret's value
    user, password_part = admin_info.split(":", 1)
    return secret, user, password_part


def get_access_token(self, requests, code):
    # cauth's OAuth2 login: the request's parameters logged once the client secret is masked.
    params = {
        "client_id": self.conf['client_id'],
        "client_secret": self.conf['client_secret'],
        "code": code,
        "grant_type": "authorization_code", }
    resp = requests.post(self.access_token_url, data=params)
    if not resp.ok:
        params.update({'client_secret': '<REDACTED>'})
        LOG.error('Failed to fetch access tokens with %s', repr(params))  # ok: DS205 the secret's entry masked first
    else:
        params.update({'grant_type': 'refresh_token'})
        LOG.debug('Refreshing with %s', repr(params))  # expect: DS205 another entry written: the secret is still there


def log_upload_headers(flask, logger):
    # Red Hat's DCI control server: some of a file upload's headers, by name.
    for key, value in flask.request.headers.items():
        key = key.lower().replace("dci-", "").replace("-", "_")
        if key in ["md5", "mime", "jobstate_id", "job_id", "name", "test_id"]:
            logger.info("DCI-%s:%s" % (key.upper(), value))  # ok: DS205 only the headers listed, none a secret
        if key in ["job_id", "auth_token"]:
            logger.info("DCI-%s:%s" % (key.upper(), value))  # expect: DS205 a token's header among those listed
    for key, value in flask.request.headers.items():
        key = "job_id"
        if key in ["job_id"]:
            logger.info("DCI-%s" % value)  # expect: DS205 the key written over: any header passes
