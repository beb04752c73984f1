import logging as std_logging
import os.path as osp
from io import open as io_open
from pathlib import Path

from oslo_log import log as logging
from oslo_utils import strutils

from openstackclient.i18n import _

LOG = logging.getLogger(__name__)
logger = std_logging.getLogger("app")


class Driver(object):
    def __init__(self, conf):
        self.log = LOG
        self.auth_token = conf.token
        self.credentials = conf.credentials

    def login(self, user, password, body, token_type, creds, secret):
        LOG.debug("Logging in %s with %s", user, password)  # expect: DS201
        LOG.info("Token: %s", self.auth_token)  # expect: DS201
        self.log.warning("login body %(body)s", {"body": body, "password": password})  # expect: DS201
        logger.error(f"bad credentials {creds['password']}")  # expect: DS201
        std_logging.info("secret %s", secret)  # expect: DS201
        LOG.exception("failed for %s", self.credentials)  # expect: DS201
        logging.getLogger(__name__).critical("key %s", api_key(password))  # expect: DS201
        LOG.log(std_logging.DEBUG, "pw=%s", password or "")  # expect: DS201
        LOG.debug(  # expect: DS201
            "Connecting with %(user)s / %(pw)s",
            {"user": user, "pw": password},
        )
        LOG.debug("login %(a)s", {"a": user, "password": password.decode()})  # expect: DS201
        LOG.debug("slice %s", self.auth_token[:8])  # expect: DS201
        LOG.debug("policy %(c)s", {"credentials": context.to_policy_values()})  # ok: DS201 a call's result is judged by its arguments
        LOG.debug("Body: %s", strutils.mask_password(body))  # ok: DS201 masked by oslo_utils
        LOG.debug("Body: %s", strutils.mask_dict_password({"password": password}))  # ok: DS201 masked dict
        LOG.info("password set for %s", user)  # ok: DS201 the word in a constant message is not a value
        LOG.debug("%s", token_type)  # ok: DS201 token_type is not a secret
        LOG.debug("password given: %s", password is not None)  # ok: DS201 a comparison gives a boolean
        LOG.debug("password length %d", len(password))  # ok: DS201 len() reveals no secret
        LOG.debug("user %s", creds.username)  # ok: DS201 another field of the credentials object
        LOG.debug("secret ref %s", secret.secret_ref)  # ok: DS201 a reference, not the secret
        LOG.debug("new password generated: %s", generate_password is None)  # ok: DS201 comparison
        LOG.debug("calling %s", self._get_token_url())  # ok: DS201 token_url is not a secret
        print("password %s" % password)  # ok: DS201 not a logger (another rule's business)
        cache.info("key %s", password)  # ok: DS201 cache is not a logger
        LOG.debug("fetching page after %s", self.next_token)  # ok: DS201 a pagination cursor
        LOG.debug("body %s", {"user": user, "password": "***"})  # ok: DS201 constant mask


def enforce(policy, credentials, action):
    # octavia's policy check: the token is popped before the credentials are logged.
    try:
        return policy.enforce(action, credentials)
    except Exception:
        credentials.pop('auth_token', None)
        LOG.debug('Policy check for %(action)s failed with credentials %(credentials)s',  # ok: DS201 the token was popped first
                  {'action': action, 'credentials': credentials})
        raise


def enforce_leaky(policy, credentials, action):
    if action:
        credentials.pop('auth_token', None)
    LOG.debug('Policy check for %(action)s failed with credentials %(credentials)s',  # expect: DS201 popped on one branch only
              {'action': action, 'credentials': credentials})


def authorize(context, action, target, enforcer, exc):
    # tacker's policy check: oslo.policy's credentials (roles, ids, scope), handed through a helper.
    credentials = context.to_policy_values()
    if context.system_scope:
        credentials['system'] = context.system_scope
    try:
        target, credentials = _pre_enhanced_policy_check(target, credentials)
    except PolicyTargetCheckError:
        raise exc(action=action)
    try:
        return enforcer.authorize(action, target, credentials)
    except InvalidScope:
        LOG.debug('Policy check for %(action)s failed with scope check '  # ok: DS201 policy values: roles and ids
                  '%(credentials)s',
                  {'action': action,
                   'credentials': credentials})
        raise exc(action=action)


def authorize_as(context, action, enforcer, user):
    credentials = context.to_policy_values()
    if user:
        credentials = {'user': user.name, 'password': user.password}
    LOG.debug('Policy check for %(action)s with %(credentials)s',  # expect: DS201 rebound on a branch to a dict with a password
              {'action': action, 'credentials': credentials})
    credentials = context.to_policy_values()
    credentials = load_saved_credentials(context)
    LOG.debug('Policy check for %(action)s with %(credentials)s',  # expect: DS201 rebound to something else since
              {'action': action, 'credentials': credentials})


class TlsConfig(object):
    def __init__(self, conf):
        self.conf = conf

    def load(self, ssl_key_password):
        # The key FILE: opened through an alias, tested, or read with pathlib, in the same function.
        with io_open(self.conf.ssl.private_key, 'rb') as f:
            data = f.read()
        LOG.info("Loaded TLS private key from %s", self.conf.ssl.private_key)  # ok: DS201 opened as a file in this function: its path
        if not osp.exists(CONF.vim_keys.default_secret_key):
            LOG.warning("Default key file %s is missing",  # ok: DS201 tested as a file: a path
                        CONF.vim_keys.default_secret_key)
        key = Path(self.conf.api_token).read_text()
        LOG.debug("token file %s", self.conf.api_token)  # ok: DS201 read with pathlib: a path
        LOG.debug("key passphrase %s", ssl_key_password)  # expect: DS201 the passphrase is no file
        return data, key

    def read_password(self, password_file):
        password = io_open(password_file).read().strip()
        LOG.debug("read password %s", password)  # expect: DS201 read from the file: the secret itself

    def read_token(self, token):
        with open(token) as f:
            token = f.read()
        LOG.debug("token %s", token)  # expect: DS201 rebound to the file's content after it was opened

    def check(self, token, token_path):
        if token == token_path:
            LOG.warning("token %s equals its path", token)  # expect: DS201 compared to a path, never opened as one
        LOG.debug("writing token to %s", token_path)  # ok: DS201 token_path is not a secret name
        open(token_path, 'w').write(token)
        LOG.debug("wrote %s", token)  # expect: DS201 written into a file, not used as its path


def delete_ec2_credentials(identity_client, user, parsed_args):
    # python-openstackclient: an EC2 access key is the pair's id; its secret is another field.
    for access_key in parsed_args.access_keys:
        try:
            identity_client.ec2.delete(user, access_key)
        except Exception as e:
            LOG.error(
                "Failed to delete EC2 credentials with access key '%(access_key)s': %(e)s",  # ok: DS201 a key id
                {'access_key': access_key, 'e': e},
            )
            LOG.debug("secret %s", parsed_args.secret_access_key)  # expect: DS201 the pair's secret half


# --- a value the message labels an identifier or a name (python-openstackclient's delete commands)


class DeleteCredential(object):
    def take_action(self, parsed_args, identity_client):
        for i in parsed_args.credential:
            try:
                identity_client.delete_credential(i)
            except Exception as e:
                LOG.error(  # ok: DS201 the message labels the entry an ID
                    _(
                        "Failed to delete credentials with "
                        "ID '%(credential)s': %(e)s"
                    ),
                    {'credential': i, 'e': e},
                )
                LOG.error(  # expect: DS201 labelled a password, not an ID
                    _(
                        "Failed to delete credentials with "
                        "password '%(credential)s': %(e)s"
                    ),
                    {'credential': i, 'e': e},
                )
                LOG.error(  # expect: DS201 the same entry also fills an unlabelled placeholder
                    _("Credential ID '%(credential)s' (was %(credential)s)"),
                    {'credential': i},
                )

    def describe(self, user, secret, token, ref):
        LOG.debug("Deleting credential id=%s", self.credential)  # ok: DS201 id= labels it
        LOG.info("Secret for %s has UUID: %s", user, secret)  # ok: DS201 the second placeholder is labelled UUID
        LOG.info("Secret UUID %s for %s", user, secret)  # expect: DS201 the label is the first placeholder's, not the secret's
        LOG.log(std_logging.INFO, "No secret with name or ID \"%s\"", ref['secret'])  # ok: DS201 name or ID
        LOG.warning(_("Unable to find token with ID or name %s") % token)  # ok: DS201 formatted with %, labelled
        LOG.warning("Rotating %s: new key UUID %s" % (user, self.secret_key))  # ok: DS201 an element of the tuple, labelled
        LOG.debug("token: %s", token)  # expect: DS201 labelled a token
        LOG.debug("Token invalid %s", token)  # expect: DS201 "invalid" is no "id"
        LOG.debug("Revoking token ID %s", token)  # expect: DS201 keystone's token ID is the token itself
        LOG.debug("credential ID %s holds %s", secret, secret)  # expect: DS201 the same value also fills an unlabelled placeholder
        LOG.debug(  # expect: DS201 the secret is under another key too
            "secret ID %(secret)s: %(value)s",
            {'secret': secret, 'value': secret},
        )


def configure_ovn_ssl(stream, ssl_context, CONF):
    # networking-baremetal: the option names the private key FILE, handed to OVS as a path.
    if CONF.ovn.ovn_sb_private_key:
        stream.Stream.ssl_set_private_key_file(
            CONF.ovn.ovn_sb_private_key)
        LOG.debug("Configured OVN SSL private key: %s",  # ok: DS201 given to a function that loads a key file
                  CONF.ovn.ovn_sb_private_key)
    ssl_context.load_cert_chain(certfile=CONF.ssl.cert, keyfile=CONF.ssl.private_key)
    LOG.debug("Loaded %s", CONF.ssl.private_key)  # ok: DS201 passed as keyfile=: a path
    stream.write_secret_to_file(CONF.ovn.sb_secret, CONF.ovn.secret_path)
    LOG.debug("Wrote %s", CONF.ovn.sb_secret)  # expect: DS201 written into a file, not named by it


def check_policy_rule(rule, headers):
    # A rule's text cut into words: each `token` is one of them.
    for token in sorted(rule.split()):
        LOG.debug("Skipping token %s", token)  # ok: DS201 a word of a rule's text
    for token in headers['X-Subject-Token'].split(','):
        LOG.debug("Checking token %s", token)  # expect: DS201 pieces of a token header


import random
import string


def _random_ident():
    return ''.join(random.choice(string.ascii_lowercase) for i in range(10))


class Backend(object):
    # oslo.db's provisioning: a throw-away database named by a random "token".
    def create_named_database(self, ident, conditional=False):
        self.impl.create_named_database(self.engine, ident, conditional=conditional)

    def drop_named_database(self, ident, conditional=False):
        self.impl.drop_named_database(self.engine, ident, conditional=conditional)

    def login(self, user_name, password=None):
        return self.impl.login(user_name, password)


class BackendImpl(object):
    def drop_named_database(self, engine, ident, conditional=False):
        engine.execute("DROP DATABASE %s" % ident)

    def rotate(self, engine, token):
        engine.execute("ROTATE %s" % token)


class DatabaseResource(object):
    def make_resource(self, backend):
        if self.provision_new_database:
            db_token = _random_ident()
            LOG.info(
                "CREATE BACKEND %s TOKEN %s", backend.engine.url, db_token)  # ok: DS201 given to create_named_database as its `ident`: a name
            backend.create_named_database(db_token, conditional=True)
        else:
            db_token = None
        return db_token

    def clean(self, resource):
        LOG.info(
            "DROP BACKEND %s TOKEN %s",
            resource.backend.engine, resource.db_token)  # ok: DS201 dropped by name on the next line
        resource.backend.drop_named_database(resource.db_token)

    def rotate(self, backend, api_token, session_token, admin_token):
        LOG.info("rotating %s", api_token)  # expect: DS201 given to a parameter named for a token
        backend.impl.rotate(backend.engine, api_token)
        LOG.info("login with %s", session_token)  # expect: DS201 a token sent as a user's name is still a credential
        backend.login(session_token)
        LOG.info("dropping %s", admin_token)  # expect: DS201 no definition in the file takes it so (BackendImpl's needs engine first, Backend's takes no third)
        backend.drop_named_database(admin_token, True, 5)

    def refresh(self, backend, db_token):
        if backend.engine:
            backend.drop_named_database(db_token)
        if backend.fetch_token:
            db_token = backend.fetch_token()
        LOG.info("new token %s", db_token)  # expect: DS201 assigned again after its use as a name (another `if`, not its `else`)


# python-tripleoclient's export: a loop over the names of password parameters.
PASSWORD_PARAMETER_NAMES = ('AdminPassword', 'RabbitPassword')


def export_passwords(parameters):
    passwords = {}
    for password in PASSWORD_PARAMETER_NAMES:
        if password in parameters:
            passwords[password] = parameters[password]
        else:
            LOG.warning("No password value found for %s", password)  # ok: DS201 a parameter's name
    for secret in parameters.keys():
        LOG.debug("exporting %s", secret)  # ok: DS201 a key of the mapping
    for password in parameters.values():
        LOG.debug("exporting %s", password)  # expect: DS201 the values are the passwords
    return passwords


# armada's policy check: `credentials` is the request context, whose policy view (ids and roles)
# oslo.policy reads; the context object is logged, not a secret.
def _enforce_policy(action, target, credentials, do_raise=True):
    try:
        _ENFORCER.authorize(action, target, credentials.to_policy_view())
    except Exception:
        with excutils.save_and_reraise_exception():
            LOG.debug(
                'Policy check for %(action)s failed with credentials '
                '%(credentials)s', {
                    'action': action,
                    'credentials': credentials  # ok: DS201 the context the policy view was read from
                })


def _check_credentials(action, credentials, session):
    session.authenticate(credentials)
    LOG.debug('Login for %(action)s failed with %(credentials)s',  # expect: DS201 credentials handed to a login
              {'action': action, 'credentials': credentials})


def _enforce_rebound(action, credentials):
    _ENFORCER.authorize(action, {}, credentials.to_policy_view())
    credentials = load_credentials(action)
    LOG.debug('Check failed with %(c)s', {'c': credentials})  # expect: DS201 rebound to something else since


# --- ALL_CAPS constants: StarlingX names Kubernetes Secrets in constants; settings are read at run time
import os as _os

from django.conf import settings
from sysinv.common import constants

REGISTRY_TOKEN = _os.environ.get('REGISTRY_TOKEN')
DEFAULT_REGISTRY_SECRET = 'default-registry-key'


class AppOperator(object):
    DOCKER_REGISTRY_SECRET = 'default-registry-key'


def refresh_registry_secret(app_op, kube, ns, body):
    kube.kube_create_secret(ns, body)
    LOG.info("Secret %s created under Namespace %s."
             % (app_op.DOCKER_REGISTRY_SECRET, ns))  # ok: DS201 a Kubernetes Secret's name, an ALL_CAPS constant
    LOG.info("Secret %s under Namespace %s is updated",
             AppOperator.DOCKER_REGISTRY_SECRET, ns)  # ok: DS201 the same constant, read from its class
    LOG.debug("default secret %s, rootca %s", DEFAULT_REGISTRY_SECRET,
              constants.KUBE_ROOTCA_CERT_SECRET)  # ok: DS201 a module constant and one of another module
    LOG.debug("pulling with token %s", REGISTRY_TOKEN)  # expect: DS201 read from the environment, not written in the code
    LOG.debug("signing with %s", settings.SECRET_KEY)  # expect: DS201 Django's settings are read at run time


# StarlingX's distributed cloud: a flag named for the token, and Kubernetes Secrets handled by name.
class OpenStackDriver(object):
    @classmethod
    def delete_region_clients(cls, region_name, clear_token=False):
        LOG.warn(
            "delete_region_clients=%s, clear_token=%s" % (region_name, clear_token)  # ok: DS201 a flag parameter defaulting to False
        )

    @classmethod
    def refresh_token(cls, region_name, token=False):
        token = token or cls.fetch_token(region_name)
        LOG.debug("region %s token %s", region_name, token)  # expect: DS201 rebound to a fetched token


def recreate_secrets(kube_op, namespace, secrets_to_recreate):
    for secret in secrets_to_recreate[:]:
        LOG.info(f"Recreate {namespace}:{secret}")  # ok: DS201 a Kubernetes Secret's name, given to kube_delete_secret below
        kube_op.kube_delete_secret(secret, namespace)


def show_secret(kube_op, namespace, secret_names):
    for name in secret_names:
        secret = kube_op.kube_get_secret(name, namespace)
        LOG.info(f"Secret {name}: {secret}")  # expect: DS201 the Secret object read by its name, data included


# StarlingX's upgrade migration: whether a password is set, never its value.
def set_keyring_password(keyring_password, debug):
    LOG.info(f"Setting KEYRING_PASSWORD to {'<redacted>' if keyring_password else '<empty>'}")  # ok: DS201 the password only picks a constant
    LOG.info("Setting KEYRING_PASSWORD to %s" % (keyring_password if debug else '<redacted>'))  # expect: DS201 a branch prints it


# StarlingX's openstack-armada-app: a `secretRef: {name, keys: {field: key}}` resolved from a Kubernetes Secret.
def resolve_secret_ref(kube, secret_ref, namespace):
    resolved = dict()
    secret_name = secret_ref.get('name')
    keys = secret_ref.get('keys') or {}
    secret = kube.kube_get_secret(name=secret_name, namespace=namespace)
    data = getattr(secret, 'data', None) if secret else None
    for target_field, secret_key in keys.items():
        if secret_key not in data:
            LOG.warning(f"resolve_secret_ref: Secret key {secret_key!r} not "  # ok: DS201 the values of a mapping named keys: the Secret's entries
                        f"found in Secret {secret_name!r}. Skipping field {target_field!r}.")
            continue
        resolved[target_field] = data[secret_key]
    return resolved


def log_api_keys(api_keys, params):
    for service, api_key in api_keys.items():
        LOG.debug("Key of %s: %s", service, api_key)  # expect: DS201 a mapping named for API keys holds them
    for name, password in params.items():
        LOG.debug("Parameter %s: %s", name, password)  # expect: DS201 a parameter's value, not a name



def authenticate(request, access_token, JWT):
    # trovi's authenticator: the token's user, as a URN, is what is logged.
    token = JWT.from_jws(access_token)
    if token:
        LOG.debug(f"Authenticated user {token.to_urn()}")  # ok: DS201 the user's URN the token names
        LOG.debug("token owner %s", token.get_user_id())  # ok: DS201 an identifier the token holds
        LOG.debug(f"Authenticated with {token.serialize()}")  # expect: DS201 the token, serialised
    return token


async def fetch_token(self, token_url, params, client_secret, urlencode, HTTPRequest):
    # jupyterhub-chameleon's refresh handler: the request body logged with the client secret replaced.
    body = urlencode(params)
    req = HTTPRequest(token_url, "POST", body=body)
    self.log.debug(f'url={token_url} body={body.replace(client_secret, "***")}')  # ok: DS201 the secret is what gets replaced
    self.log.debug(f'url={token_url} body={body.replace("***", client_secret)}')  # expect: DS201 the secret put in
    self.log.debug("secret %s", client_secret.replace("-", ""))  # expect: DS201 the secret itself, reshaped
    return req
