import os

from oslo_config import cfg

DB_PASSWORD = "s3cret"  # expect: DS204
DEFAULT_ADMIN_PASS = "Passw0rd"  # expect: DS204
DEFAULT_ADMIN_PASS_EMPTY = ""  # ok: DS204 not a pass name, and empty
MYSQL_PASS = ""  # ok: DS204 empty string means unset
AUTH_STATUS_PASS = b"ok"  # ok: DS204 a status that passed, not a password
ADMIN_TOKEN: str = "ADMIN"  # expect: DS204
UPDATING_PASSWORD = "updating_password"  # ok: DS204 a state name that spells the field, not a password
CHANGE_PASSWORD = "changePassword"  # ok: DS204 an action name
TOKEN_HEADER = "X-Auth-Token"  # ok: DS204 token_header is not a secret name
END_TOKEN = "\r\n\r\n"  # ok: DS204 escapes only: a delimiter
DONE_TOKEN = "done."  # ok: DS204 a generic token name with a word, not a credential
GITHUB_TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"  # expect: DS204
api_key = os.environ.get("API_KEY", "")  # ok: DS204 read from the environment
opts = [cfg.StrOpt("admin_password", secret=True, default="")]  # ok: DS204 empty default

# Dummy values for the user to replace, as a package generator writes them.
OS_AUTH_URL = "http://localhost/identity/v3"
K8S_BEARER_TOKEN = "your_k8s_cluster_bearer_token"  # ok: DS204 a placeholder, not a token
VIM_PASSWORD = "<your vim password>"  # ok: DS204 a placeholder
K8S_SERVICE_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6IkFv"  # expect: DS204 a real-looking token


class ServerSpec(object):
    """The keys of a server's properties, as a profile spells them."""

    REBOOT_TYPE = 'type'
    ADMIN_PASSWORD = 'admin_pass'  # ok: DS204 the property's key, the noun spelled short
    RESCUE_IMAGE = 'image_ref'
    ROOT_PWD = 'root_password'  # ok: DS204 the key, spelled long
    CONSOLE_PASSWORD = 'pass'  # expect: DS204 one word: a (weak) password


class Client(object):
    password = None  # ok: DS204 None means unset

    def __init__(self, user, password="changeme", *, token: str = "devstack"):  # expect: DS204, DS204
        self.user = user
        self.password = password
        self.auth_token = "0123456789abcdef"  # expect: DS204
        self.token = ""  # ok: DS204 empty string means unset
        self.masked_password = "***"  # ok: DS204 a mask
        self.creds = {"username": user, "password": "hunter2"}  # expect: DS204
        self.creds["password"] = "password123"  # expect: DS204
        self.creds["password_hint"] = "pet name"  # ok: DS204 password_hint is not a secret name
        self.session = connect(user=user, api_key="AKIAIOSFODNN7EXAMPLE")  # expect: DS204
        self.options = {"agent_token": "fake_token"}  # ok: DS204 a dummy spelled like its key
        self.headers = {"Access-Control-Allow-Credentials": "true"}  # ok: DS204 a header name, not a credential
        self.auth_headers = {"X-Auth-Token": "gAAAAABkz9xYw3"}  # expect: DS204
        self.api = {"X-Api-Key": "b1946ac92492d2347c6235b4d2611184"}  # expect: DS204
        self.wsse = {"Authorization": 'WSSE profile="UsernameToken"'}  # ok: DS204 an auth scheme, not a credential
        self.fwd = {"X-Auth-Token": token}  # ok: DS204 a value, not a constant
        self.types = {"AWS::IAM::AccessKey": "72c2d9dd90025459"}  # ok: DS204 a type name as key
        self.ACCESS_KEY = "aws_access_key_id"  # ok: DS204 the name of the setting that holds the key
        self.kind = dict(auth_type="password")  # ok: DS204 auth_type is not a secret name
        self.CONF_PWD = "san_password"  # ok: DS204 a config option's name
        self.options = dict(
            chap_secret_key="PURE_TARGET_CHAP_SECRET",  # ok: DS204 an environment variable's name
            login_password="basic_auth",  # ok: DS204 an auth style, named
            admin_password="nexenta",  # expect: DS204 a vendor default password
            db_password="change_me_2024",  # expect: DS204 a digit: not a name
        )
        self.endpoint = Endpoint(default_token="Bearer")  # ok: DS204 a token type, not a token

    def check(self, password, secret, token):
        if password == "admin":  # expect: DS204
            return True
        if "letmein" != secret:  # expect: DS204
            return False
        if token == "async":  # ok: DS204 a lexer's token compared with a keyword
            return False
        if token == "ab12cd34ef56":  # expect: DS204
            return False
        if secret != "NONE":  # ok: DS204 a sentinel
            return False
        if password == "":  # ok: DS204 an emptiness test
            return False
        return password == self.password  # ok: DS204 no constant


# Column headings of a listing, keyed by attribute (python-openstackclient's VPN connections).
_attr_map_dict = {
    'peer_address': 'Peer Address',
    'psk': 'Pre-shared Key',  # ok: DS204 a column heading
    'auth_mode': 'Authentication Algorithm',
}
_vpn_defaults = {
    'psk': 'sw0rdf1sh 2024',  # expect: DS204 a pre-shared key with a space is still one
}

# python-swiftclient: auth plugins mapped to the API versions they speak.
auth_types_to_versions = {
    'v1password': '1.0',  # ok: DS204 a version number
    'v3password': '3.0',  # ok: DS204 a version number
}

# pycadf's taxonomy: resource types spelled as paths.
SECURITY_ACCOUNT = 'data/security/account'
SECURITY_CREDENTIAL = 'data/security/credential'  # ok: DS204 a taxonomy path, not a credential
SERVICE_PASSWORD = 'open/sesame'  # expect: DS204 a path-like value that names no credential


# skyline's and FastAPI's request models: example data shown in the API's documentation.
from fastapi import Body
from pydantic import BaseModel, ConfigDict, Field


class Credential(BaseModel):
    username: str = Field(..., description="Credential username")
    password: str = Field(..., description="Credential password for user", example="admin")  # ok: DS204 example= labels the field's example

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "username": "admin",
                    "password": "admin",  # ok: DS204 an example request in the API's schema
                },
            ]
        }
    }


class LegacyCredential(BaseModel):
    class Config:
        schema_extra = {"example": {"username": "admin", "password": "s3cret"}}  # ok: DS204 pydantic 1's example


class TokenRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [dict(user="admin", token="0123456789abcdef")]})  # ok: DS204 an example built with dict()


def login(credential: Credential = Body(..., example={"username": "admin", "password": "admin"})):  # ok: DS204 FastAPI's example
    return credential


def login_v2(credential: Credential = Body(
        ...,
        openapi_examples={
            "normal": {
                "summary": "A user and password",
                "value": {"username": "admin", "password": "hunter2"},  # ok: DS204 FastAPI's named examples
            },
        })):
    return credential


def connect(client):
    session = client.login({"username": "admin", "password": "admin"})  # expect: DS204 a real login, not an example
    extra = {"examples": client.login(password="hunter2")}  # expect: DS204 a call's keyword: not example data
    settings = {
        "example_url": "http://localhost",
        "auth": {"password": "admin"},  # expect: DS204 beside an example, not in one
    }
    return session, extra, settings


# monasca-agent's LXC detection plugin: `PWD` is the working directory, and the value a path.
_LXC_PWD = '/var/lib/lxc'  # ok: DS204 a file path
KEY_PASSWORD = '~/.ssh/id_rsa.pass'  # ok: DS204 a file path in the home folder
ADMIN_PWD = '/Adm1n'  # expect: DS204 one part only: may be a password
ROOT_PASSWORD = 'var/lib/t0p/s3cret x'  # expect: DS204 not a path (a space)


# Ansible modules' `update_password`: when to set the password ('always' or 'on_create'), not one.
class _StateMachine(object):
    def _build_update(self, resource, attributes,
                      update_password='on_create', **kwargs):  # ok: DS204 an event the setting names
        if update_password == 'always' and 'password' not in attributes:  # ok: DS204 a switch
            raise ValueError("update_password is 'always' but password is missing")
        elif update_password == 'on_create' and 'password' in attributes:  # ok: DS204 an event
            attributes.pop('password')
        return attributes


def reset_ilo_credential(task, change_password='0n_create'):  # expect: DS204 not an event name (a digit)
    return task, change_password


def rotate(update_password='always1'):  # expect: DS204 not the switch itself
    return update_password


# pegleg: which folder a generated document of each kind is kept in.
KIND_DIRECTORIES = {
    'Certificate': 'certificates',
    'CertificateKey': 'certificates',
    'PublicKey': 'keypairs',
    'PrivateKey': 'keypairs'  # ok: DS204 the same folder a public key's kind is given
}
SERVICE_CREDENTIALS = {
    'user': 'nova',
    'password': 'n0va-s3cret',  # expect: DS204 its own value
    'project': 'service',
}
DEFAULTS = {
    'admin_password': 'admin',  # expect: DS204 shared with a key named for a secret only
    'admin_token': 'admin',  # expect: DS204 likewise
}
ACCOUNTS = {
    'admin_user': 'admin',
    'admin_password': 'admin',  # expect: DS204 the account's name for a password is still one
}


# networking-brocade's telnet connector: the prompts it waits for, not credentials.
LOGIN_USER_TOKEN = "Name:"  # ok: DS204 a prompt
LOGIN_PASS_TOKEN = "Password:"  # ok: DS204 a prompt


class TelnetSession(object):
    def login(self, connector, username, password):
        connector.read_until(LOGIN_USER_TOKEN, 5)
        connector.write(username + "\r\n")
        connector.read_until(LOGIN_PASS_TOKEN, 5)
        connector.write(password + "\r\n")
        self.enable_password = "Password: "  # ok: DS204 a prompt, trailing space and all
        self.admin_token = "Name:x9f2kq77"  # expect: DS204 a value after the colon
        self.enable_secret = "en4ble:"  # expect: DS204 a digit: not a prompt's word


class Provisioner(object):
    """iotronic's board provisioner: a template the operator fills in."""

    def conf_registration_agent(self, config):
        config['iotronic']['board']['token'] = "<REGISTRATION-TOKEN>"  # ok: DS204 a placeholder in angle brackets
        config['iotronic']['board']['password'] = "<s3cr3t"  # expect: DS204 not closed: no placeholder
        config['iotronic']['board']['secret'] = "<<not-a-placeholder>>"  # expect: DS204 nested brackets


# StarlingX's certificate alarms: keys of a snapshot dict, named like the Kubernetes objects they hold.
SNAPSHOT_KEY_k8s_secret = 'mode_k8s_secret'  # ok: DS204 a key name with a digit inside a word (k8s)
K8S_COREDUMP_TOKEN = "k8s_coredump_token"  # ok: DS204 the same: a key spelled like its constant
K8S_REGISTRY_SECRET = "k8s4ever"  # expect: DS204 one word, no naming word: could be a password


def resolve_ssh_pass(args, getpass):
    # StarlingX's network audit: a marker that asks for a prompt, not a password.
    if args.ssh_pass == "__PROMPT__":  # ok: DS204 a dunder marker the program tests for
        args.ssh_pass = getpass("SSH password: ")
    return args.ssh_pass
_SAML2_CERT_KEY_SECRET = "keystone-saml2-x509-key-cert"  # ok: DS204 a Kubernetes Secret's name: words with digits, naming words (key, cert)


# StarlingX's openstack-armada-app constants: the entry of a Kubernetes TLS Secret a certificate is kept under.
STORAGE_CA_CERT_SECRET_NAME = "storage-ca-cert"
STORAGE_CA_CERT_SECRET_KEY = "ca.crt"  # ok: DS204 a certificate file's name, the Secret's entry
AODH_REST_NOTIFIER_TLS_SECRET_KEY = 'tls.key'  # ok: DS204 the TLS Secret's key entry, by its file name
AODH_REST_NOTIFIER_SECRET_KEY = 'aodh.notifier.2024'  # expect: DS204 dotted words, no key or certificate file


def update_ldap_user(user, old_obj, user_id):
    # SAP's keystone LDAP backend: a marker value that makes the update replace the attribute.
    if 'password' in user:
        old_obj['password'] = 'fake'  # ok: DS204 a value that says it is none
        old_obj['userPassword'] = 'fakeit'  # expect: DS204 one word, not the marker: could be a password
    return old_obj


def log_relation_data(event, logger):
    # sunbeam's ops-sunbeam: the password replaced by a word before the relation data is logged.
    display_data = {k: v for k, v in event.relation.data[event.relation.app].items()}
    if "password" in display_data:
        display_data["password"] = "REDACTED"  # ok: DS204 a mask, bare
    logger.info(f"Received data: {display_data}")
    display_data["password"] = "Redact3d!"  # expect: DS204 not the word: could be a password


# nectar-dashboard's settings: django-tz-detect and Django name the session entries they keep.
TZ_SESSION_KEY = "django_timezone"  # ok: DS204 the name of the session entry that holds the timezone
LANGUAGE_SESSION_KEY = "_language"  # ok: DS204 Django's name for the session's language entry


def resume(client):
    session_key = "f3a9c1e07b5d"  # expect: DS204 a session's ID written out
    return client.resume(session_key)


def load_openrc(rc, get_pass):
    # Chameleon's hammers: openrc files ask for the password through a shell variable.
    password = rc.get("OS_PASSWORD")
    if password == '$OS_PASSWORD_INPUT':  # ok: DS204 openrc's placeholder: a variable, not the password
        rc.pop('OS_PASSWORD')
    if password == "${OS_PASSWORD}":  # ok: DS204 a variable reference
        rc.pop('OS_PASSWORD')
    if password == "$ecretPass1":  # expect: DS204 a password that starts with a dollar sign
        rc.pop('OS_PASSWORD')
    return rc


def create_app(client, kubernetes_cluster, find_default):
    # azimuth's apps: the kubeconfig Secret and the entry of it that holds the file.
    if kubernetes_cluster:
        kubeconfig_secret_name = f"{kubernetes_cluster.id}-kubeconfig"
        kubeconfig_secret_key = "value"  # ok: DS204 the name of the Secret's entry, in a name/key reference
    else:
        kubeconfig_secret_name, kubeconfig_secret_key = find_default()
    client.create({"kubeconfigSecret": {"name": kubeconfig_secret_name, "key": kubeconfig_secret_key}})
    registry_secret_key = "hunter2-registry"  # expect: DS204 written as the password of a login
    client.login(user="robot", password=registry_secret_key)


def chat_client(ChatOpenAI, backend_url, settings):
    # azimuth-llm's chat app: an OpenAI client for a local vLLM server, which asks for no key.
    llm = ChatOpenAI(
        base_url=backend_url,
        model=settings.model_name,
        openai_api_key="required-but-not-used",  # ok: DS204 the value says it is not used
    )
    paid = ChatOpenAI(base_url=backend_url, openai_api_key="sk-used-4f9a8b7c")  # expect: DS204 a key that looks used
    return llm, paid
