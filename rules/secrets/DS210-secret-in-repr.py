from oslo_context import context as oslo_context
from oslo_utils import strutils


def _describe(host, user, secret):
    """A same-file helper: the secret travels through its parameter into the returned text."""
    return "%s@%s (%s)" % (user, host, secret)


def _mask(text):
    return strutils.mask_password(text)


class SSHConnection(object):
    def __init__(self, host, user, password, conf):
        self.host = host
        self.user = user
        self.password = password
        self.token_expiry = conf.token_expiry
        self.password_policy = conf.password_policy
        self.access_key = conf.access_key
        self._creds = {"user": user, "password": password}

    def __repr__(self):
        return "<SSHConnection %s@%s:%s>" % (self.user, self.host, self.password)  # expect: DS210

    def __str__(self):
        text = _describe(self.host, self.user, self.password)
        return _mask(text)  # ok: DS210 a same-file masking helper

    def describe(self):
        return "%s:%s" % (self.user, self.password)  # ok: DS210 not __repr__ or __str__: DS205's sinks decide


class ISCSITarget(object):
    def __init__(self, iqn, connection_info):
        self.iqn = iqn
        self.connection_info = connection_info

    def __repr__(self):
        info = self.connection_info
        summary = "iqn=%s info=%s" % (self.iqn, info)
        return summary  # expect: DS210 the CHAP secret is in the connection info

    def __str__(self):
        return "iqn=%s type=%s" % (self.iqn, self.connection_info["driver_volume_type"])  # ok: DS210 another field


class Credentials(object):
    def __init__(self, user, token, conf):
        self.user = user
        self.auth_token = token
        self.token_expiry = conf.token_expiry
        self.password_policy = conf.password_policy
        self.access_key = conf.access_key
        self._creds = {"user": user, "token": token}

    def __str__(self):
        if self.user is None:
            return "anonymous"  # ok: DS210 a constant
        return "user %s" % self._creds  # expect: DS210 the dict holds the token

    def __repr__(self):
        return "Credentials(user=%r, expiry=%s, policy=%s, key=%s)" % (  # ok: DS210 not secrets: an expiry, a policy and a key id
            self.user, self.token_expiry, self.password_policy, self.access_key)

    def __format__(self, spec):
        masked = strutils.mask_password("token=%s" % self.auth_token)
        return format(masked, spec)  # ok: DS210 masked with oslo_utils


class Session(object):
    def __init__(self, url, password):
        self.url = url
        self.password = password

    def __repr__(self):
        has_password = self.password is not None
        return "Session(%s, password set: %s, length %d)" % (  # ok: DS210 a boolean and a length
            self.url, has_password, len(self.password))

    def __str__(self):
        url = self.url
        secret = self.password
        text = "%s %s" % (url, secret)
        return text  # expect: DS210

    def __unicode__(self):
        return "%s" % _describe(self.url, "admin", self.password)  # expect: DS210 through a same-file helper


class RequestContext(oslo_context.RequestContext):
    """oslo.context's to_dict() holds the caller's auth_token; nova's __str__ printed it."""

    def __str__(self):
        return "<Context %s>" % self.to_dict()  # expect: DS210 a request context's dict holds its token

    def __repr__(self):
        values = self.to_dict()
        if values:
            return "<Context %(request_id)s>" % {"request_id": self.request_id}  # ok: DS210 the request id only
        return "<Context %s>" % values  # expect: DS210 through a variable, in a branch


class Document(object):
    def __str__(self):
        return "<Document %s>" % self.to_dict()  # ok: DS210 not a request context: its dict is the document's
