import os
import shutil

from oslo_utils import strutils

from nova import exception
from nova.i18n import _


def connect(user, password, token, conf, creds, body):
    if not user:
        raise ValueError("Invalid login %s:%s" % (user, password))  # expect: DS202
    if not token:
        raise exception.Unauthorized(f"token {token} rejected")  # expect: DS202
    if conf.admin_password is None:
        raise RuntimeError("bad admin password: " + conf.admin_password)  # expect: DS202
    if not creds:
        raise exception.InvalidInput(reason=creds["password"])  # expect: DS202
    if not body:
        raise exception.AuthFailed(user=user, password=password)  # expect: DS202
    if len(token) < 8:
        raise ValueError(  # expect: DS202
            "token too short: {}".format(token)
        ) from None
    if conf.strict:
        raise exception.InvalidInput(reason=_("bad secret %s") % conf.secret)  # expect: DS202
    if conf.key:
        raise exception.AuthFailed(api_key=conf.value)  # expect: DS202
    if user == "root":
        raise ValueError("Invalid login for user %s" % user)  # ok: DS202 only the user is named
    if not password:
        raise ValueError("password is required")  # ok: DS202 the word in a constant message is not a value
    if body:
        raise exception.Invalid(strutils.mask_password(body))  # ok: DS202 masked by oslo_utils
    if len(password) < 8:
        raise ValueError("password has %d characters, needs 8" % len(password))  # ok: DS202 len() reveals no secret
    if creds:
        raise exception.Forbidden(user=creds.username)  # ok: DS202 another field of the credentials object
    if token == "expired":
        raise exception.InvalidToken(token="***")  # ok: DS202 the keyword labels a constant mask
    if token.type == "EOF":
        raise UnexpectedToken(token, expected=body)  # ok: DS202 a bare positional value: a parser's token as often as a secret
    if not conf:
        raise ParseError(token_history=conf.last_token)  # ok: DS202 not a message keyword
    if conf.lexer:
        raise SyntaxError("unexpected %s at line %d" % (token, token.line))  # ok: DS202 a lexer's token: its line is read
    if conf.pages:
        raise ValueError(f"bad page marker {conf.next_token}")  # ok: DS202 a pagination cursor, not a credential
    error = ValueError("bad %s" % user)
    raise error  # ok: DS202 no constructor call here, and no secret


def rev_parse(rev):
    for token in rev.split("^"):
        if not token:
            raise ValueError("Invalid token: %r" % token)  # ok: DS202 a bare token inside a parser is a piece of syntax


class LocalCertGenerator(object):
    # octavia's local certificate generator: the option named for the private key holds its FILE's path.
    @classmethod
    def _validate_cert(cls, ca_key):
        if not ca_key:
            try:
                with open(CONF.certificates.ca_private_key, 'rb') as fp:
                    fp.read()
            except OSError as e:
                raise exceptions.CertificateGenerationException(  # ok: DS202 the option opened as a file in this function is its path
                    msg="Failed to load CA Private Key {}."
                        .format(CONF.certificates.ca_private_key)
                ) from e

    def load_key(self, private_key):
        if not os.path.isfile(private_key):
            raise ValueError("no key file at %s" % private_key)  # ok: DS202 tested as a file first: a path

    def copy_key(self):
        shutil.copy2(self.conf.signing_key, DEST)
        raise RuntimeError(f"copied {self.conf.signing_key} to {DEST}")  # ok: DS202 copied as a file: a path

    def read_key(self, private_key):
        with open(private_key) as f:
            private_key = f.read()
        raise ValueError("bad key %s" % private_key)  # expect: DS202 rebound to the file's content after it was opened

    def read_password(self, password_file):
        password = open(password_file).read().strip()
        raise ValueError("bad password %s" % password)  # expect: DS202 read from the file: the secret itself

    def compare_token(self, token, token_path):
        if token == token_path:
            raise ValueError("token %s is a path" % token)  # expect: DS202 compared to a path, never opened as one

    def other_function_opens(self):
        raise ValueError("bad key %s" % CONF.certificates.ca_private_key)  # expect: DS202 opened in another function only


class ShowCredential(object):
    # python-openstackclient's commands name what was asked for by its ID or name.
    def take_action(self, parsed_args):
        if not parsed_args.credential:
            raise ValueError(_("No credential with ID '%s'") % parsed_args.credential)  # ok: DS202 labelled an ID
        if parsed_args.token:
            raise ValueError(  # ok: DS202 labelled an ID, in a mapping
                _("Unable to find token with "
                  "ID %(token)s") % {'token': parsed_args.token})
        raise ValueError(_("Bad credential '%s'") % parsed_args.credential)  # expect: DS202 not labelled


import itertools
import shlex

import voluptuous


class MultiQueryParam(object):
    # cloudkitty's query parameter: `key:value` items split from the query's values.
    def __call__(self, v):
        tokens = itertools.chain(*[elem.split(',') for elem in v])
        output = {}
        for token in tokens:
            try:
                key, val = token.split(':')
            except ValueError:
                raise voluptuous.DictInvalid(
                    'invalid key:value association {}'.format(token))  # ok: DS202 a piece of the query text
            output[key] = val
        for token in shlex.split(self.command):
            if token.startswith('-'):
                raise ValueError(f"unknown option {token}")  # ok: DS202 a word of a command line
        return output

    def check(self, req, tokens_csv):
        for token in req.params['filter'].split(','):
            if ':' not in token:
                raise ValueError("bad filter %s" % token)  # ok: DS202 a piece of a request parameter
        for token in self.conf.admin_tokens.split(','):
            if len(token) < 32:
                raise ValueError("admin token too short: %s" % token)  # expect: DS202 pieces of a token list
        header = req.headers['Authorization']
        for token in header.split(','):
            if not token:
                raise ValueError("empty credential in %s" % token)  # expect: DS202 pieces of an Authorization header
        scheme, token = req.headers.get('X-Forwarded-Auth', '').split(' ', 1)
        if scheme != 'Bearer':
            raise ValueError("bad scheme for %s" % token)  # expect: DS202 one piece picked out: a bearer token
        for token in self.tokens.values():
            if token.expired:
                raise ValueError(  # expect: DS202 stored tokens, not pieces of a text
                    "expired: {}".format(token))
        parts = tokens_csv.split(',')
        for token in parts:
            raise ValueError("bad %s" % token)  # expect: DS202 the text split is named for tokens


def neutron_client(credentials):
    # rack's resource operator: each credential checked by its key before the client is made.
    for key, value in credentials.items():
        if not value:
            raise exception.InvalidOpenStackCredential(credential=key)  # ok: DS202 the credential's name, the key of its item
    for index, secret in enumerate(credentials.values()):
        if not secret:
            raise exception.InvalidOpenStackCredential(credential=index)  # ok: DS202 an enumerate index
    for key, value in six.iteritems(credentials):
        if len(value) < 8:
            raise exception.InvalidOpenStackCredential(credential=value)  # expect: DS202 the credential's value beside its key
    return credentials


# --- ALL_CAPS constants (StarlingX's Kubernetes Secret names)
from sysinv.common import constants as k8s_constants

KUBE_ROOTCA_CERT_SECRET = 'system-local-ca'
ROOT_CA_PASSWORD = os.getenv('ROOT_CA_PASSWORD')


def get_rootca_cert(kube, ns):
    secret = kube.kube_get_secret(KUBE_ROOTCA_CERT_SECRET, ns)
    if secret is None:
        raise Exception('Failed to get secret %s\\%s' % (
                        ns, KUBE_ROOTCA_CERT_SECRET))  # ok: DS202 the Secret's name, a constant written in the code
    if not secret.data:
        raise Exception('secret %s is empty' % k8s_constants.DOCKER_REGISTRY_SECRET)  # ok: DS202 a constant of another module
    raise Exception('cannot unlock with %s' % ROOT_CA_PASSWORD)  # expect: DS202 read from the environment


def read_secret(client, secret_name, secret_key, namespace):
    # understack's openstack-sync: the name of one entry of a Kubernetes Secret.
    v1 = client.CoreV1Api()
    secret = v1.read_namespaced_secret(name=secret_name, namespace=namespace)
    raw = (secret.data or {}).get(secret_key)
    if raw is None:
        raise KeyError(  # ok: DS202 the key the Secret's data is read at: an entry's name
            f"Key {secret_key!r} not found in secret {secret_name!r} "
            f"(namespace {namespace!r})."
        )
    return raw


def read_cached(cache, api_key):
    value = cache.get(api_key)
    if value is None:
        raise KeyError(f"No entry for {api_key!r}")  # expect: DS202 a cache keyed by the key itself
    return value


def password_credentials(username, password, client_id, client_secret):
    # trovi's Keycloak provider: each secret masked when set, shown only when empty.
    if not username or not password or not client_id or not client_secret:
        raise RuntimeError(  # ok: DS202 a secret shows only when it is empty
            f"Missing required user data for obtaining token: "
            f"{username=} "
            f"password={'*****' if password else password} "
            f"client_secret={'*****' if client_secret else client_secret}"
        )
    if len(password) < 8:
        raise ValueError(f"password={password if password else '(empty)'} is too short")  # expect: DS202 the password shows when it is set
