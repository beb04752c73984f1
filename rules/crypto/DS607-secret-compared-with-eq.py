import os
import hmac
import getpass

VALID_TOKENS = ("a", "b")


def authorised(request, conf, user, stored, context, password, token, admin_tokens, api_key):
    if request.headers.get("X-Auth-Token") == conf.admin_token:  # expect: DS607
        return True
    if password != user.password:  # expect: DS607
        return False
    if token in admin_tokens:  # expect: DS607
        return True
    if api_key not in {conf.api_key, conf.old_api_key}:  # expect: DS607
        return False
    if context.auth_token == stored:  # expect: DS607
        return True
    if conf.shared_secret != (  # expect: DS607
        request.params["secret"]
    ):
        return False
    if password is None or password == "":  # ok: DS607 a check for emptiness
        return False
    if token == "":  # ok: DS607 a constant
        return False
    if len(password) != 64:  # ok: DS607 a length
        return False
    if user.token_expiry == stored:  # ok: DS607 an expiry, not the token
        return False
    if conf.access_key == stored:  # ok: DS607 a key id
        return True
    if token_type == "Bearer":  # ok: DS607 a type
        return True
    if hmac.compare_digest(password, stored):  # ok: DS607 constant time
        return True
    if token in request.headers["Authorization"]:  # ok: DS607 a substring test, not a lookup
        return True
    if user.password_policy == stored:  # ok: DS607 a policy
        return False
    if password == None:  # ok: DS607 None
        return False
    return api_key in VALID_TOKENS  # expect: DS607


def enums(e, libvirt, auth_style, server, d):
    if e.get_error_code() == libvirt.VIR_ERR_NO_SECRET:  # ok: DS607 an error code constant
        return True
    if auth_style == server.STYLE_LOGIN_PASSWORD:  # ok: DS607 an enum constant
        return True
    return d["key"] == CHAP_SECRET_KEY  # ok: DS607 a key name constant


class PasswordForm(object):
    def clean(self):
        cleaned_data = super().clean()
        passwd = cleaned_data.get('password')
        confirm = cleaned_data.get('confirm_password')
        if passwd is not None and confirm is not None:
            if passwd != confirm:  # ok: DS607 a confirmation the same user typed
                raise ValueError("Passwords do not match.")
        password = self.cleaned_data.get('password')
        confirm_password = self.cleaned_data.get('confirm_password')
        if password != confirm_password:  # ok: DS607 a confirmation the same user typed
            raise ValueError("Passwords do not match.")
        if (confirm_password  # ok: DS607 the confirmation on the left, over two lines
                != password):
            raise ValueError("Passwords do not match.")
        if self.new_password != self.password_confirmation:  # ok: DS607 a confirmation attribute
            raise ValueError("Passwords do not match.")
        if password != cleaned_data.get("password2"):  # ok: DS607 the second field of the form
            raise ValueError("Passwords do not match.")
        if password != cleaned_data["repeat_password"]:  # ok: DS607 a repeated field
            raise ValueError("Passwords do not match.")
        return cleaned_data


def check_link(user, token, request):
    if token != user.confirmation_token:  # expect: DS607 an e-mail link's token, the server's secret
        return False
    if request.params.get("confirm_key") == user.api_key:  # expect: DS607 a key, not a typed password
        return False
    return True


def snmp_and_pvlan(port, prev_pvlan_community, node, snmp_info, community):
    if (port.pvlan_community != prev_pvlan_community):  # ok: DS607 a private VLAN's community, not SNMP's
        return True
    if port.pvlan_community_name == prev_pvlan_community:  # ok: DS607 a private VLAN's community name
        return True
    if node.snmp_community == community:  # expect: DS607 an SNMP community string
        return True
    return node.write_community != community  # expect: DS607 an SNMP community string


def update_password(manager, user, old_password, new_password):
    # python-keystoneclient: the old and new passwords are both typed by the user.
    if old_password == new_password:  # ok: DS607 a new password compared with the old one
        raise ValueError('Old password and new password must be different.')
    new_passwd = getpass.getpass('New Password: ')
    rep_passwd = getpass.getpass('Repeat New Password: ')
    if new_passwd == rep_passwd:  # ok: DS607 a new password and its repeat
        return new_passwd
    if user.password == old_password:  # expect: DS607 the stored password against what was typed
        return None


def set_password(client, password_name):
    # kolla-cli's `password set`: the second typing named `passtwo`.
    password = getpass.getpass('Password: ').strip()
    passtwo = getpass.getpass('Retype Password: ').strip()
    if password != passtwo:  # ok: DS607 a password and its second typing
        raise ValueError('Passwords do not match')
    client.password_set(password_name, password)


def refresh_hosts(hosts_content, kube_node, worker_node, need_modify=False):
    # tacker's kubespray driver: rewrite the inventory only where a node's login changed.
    ansible_password = hosts_content['all']['hosts'][kube_node].get('ansible_password')
    if ansible_password != worker_node.get('password'):  # ok: DS607 a change noticed, the new value stored
        hosts_content['all']['hosts'][kube_node][
            'ansible_password'] = \
            worker_node.get('password')
        need_modify = True
    return need_modify


class Session(object):
    def set_token(self, token):
        if (self.token != token):  # ok: DS607 a setter noticing a change
            self.token = token
            self.expired = False

    def renew(self, token):
        if self.token != token:  # expect: DS607 the body stores something else: an answer rides on it
            self.expired = True
        if self.token == token and self.valid:  # expect: DS607 part of a condition that decides access
            self.token = token
        return self.expired


class KeystonePassword(object):
    # castellan's credentials: two objects compared field by field.
    def __eq__(self, other):
        if isinstance(other, KeystonePassword):
            return (
                self._password == other._password  # ok: DS607 two objects' same field
                and self._username == other._username
            )
        return False

    def __ne__(self, other):
        return not self._token == other._token  # ok: DS607 two objects' same field

    def matches(self, other):
        return self._password == other._password  # expect: DS607 not an equality method: may check what a caller sent

    def __eq_to_request__(self, request):
        return self._password == request.password  # expect: DS607 a value someone sent


# zunclient's keyring cache: equal to what is cached means nothing to save.
class SecretManager(object):
    def save(self, auth_token, management_url, tenant_id):
        if not self.enabled:
            return
        if (auth_token == self.auth_token and  # ok: DS607 nothing changed, nothing to save
                management_url == self.management_url):
            # Nothing changed....
            return
        keyring.set_password("client_auth", self.key, "|".join([auth_token, management_url]))

    def allowed(self, token):
        if token == self.auth_token:  # expect: DS607 the answer depends on it
            return True
        return False

    def serve(self, token):
        if token != self.auth_token:  # expect: DS607 returns on a mismatch: a check that denies
            return
        self.grant()

    def refresh(self, token):
        if token == self.auth_token or self.expired:  # expect: DS607 or-ed: not a plain no-change test
            return
        self.store(token)


# anchor checks at start-up whether the configured secret is still the shipped default.
def validate_authentication_config(auth_conf, request):
    default_secret = "simplepassword"
    if auth_conf['secret'] == default_secret:  # ok: DS607 compared with a constant, to warn
        logger.warning("default secret for static auth in use")
    if auth_conf.static.secret == default_secret:  # ok: DS607 the configured secret against a local bound to the shipped default, to warn
        logger.warning("default secret for static auth in use")
    if auth_conf['secret'] == request.secret:  # expect: DS607 a value someone sent
        return True
    return False


# python-tripleoclient's export: the names of password parameters, looked up in the stack's.
PASSWORD_PARAMETER_NAMES = ('AdminPassword', 'RabbitPassword')


def export_passwords(parameters, generated_passwords):
    passwords = {}
    for password in PASSWORD_PARAMETER_NAMES:
        if password in parameters:
            passwords[password] = parameters[password]
        elif password in generated_passwords:  # ok: DS607 a parameter's name looked up, not its value
            passwords[password] = generated_passwords[password]
    for password in sorted(generated_passwords.keys()):
        if password == parameters.get('requested'):  # ok: DS607 a key of the mapping: a name again
            return password
    return passwords


def check_stored(creds, supplied_passwords):
    for user, password in creds.items():
        if password in supplied_passwords:  # expect: DS607 a value of the mapping: the password itself
            return user
    for password in supplied_passwords:
        if password == creds.get('admin'):  # expect: DS607 a loop over passwords, not over their names
            return 'admin'
    return None


class TempDir(object):
    """tripleoclient's directory context: `pwd` is the working directory here."""

    def __init__(self, directory):
        self.dir = directory
        self.pwd = self.cwd = os.getcwd()

    def __exit__(self, *args):
        if self.pwd != self.cwd:  # ok: DS607 compared with a folder: no secret in either
            os.chdir(self.pwd)

    def unlock(self, supplied):
        if self.pwd != supplied:  # expect: DS607 the same name against a value someone sent
            raise ValueError('wrong password')


def import_args(object_type, key, value, passphrase, x_509):
    # castellan-ui: which kind of secret an import form builds, by its class.
    args = {}
    if object_type == x_509.X509:
        args[key] = value
    elif (object_type == passphrase.Passphrase and  # ok: DS607 a secret's class (CapWords), not a secret
            key in ("passphrase",)):
        args[key] = value
    elif type(value) == passphrase.Passphrase:  # ok: DS607 type() of a value against the secret's class
        args[key] = value
    return args


def check_passphrase(stored, passphrase, supplied_type):
    if supplied_type == stored.passphrase:  # expect: DS607 lower case: the stored passphrase itself, whatever the other side is named
        return True
    return passphrase.value == stored.passphrase  # expect: DS607 the value against the stored passphrase



def ceph_users(backends):
    # Atmosphere's storage filter: each (user, libvirt secret UUID) pair once.
    seen_ceph_secrets = set()
    users = []
    for backend in backends:
        secret_uuid = str(backend.secret_uuid)
        ceph_secret = (backend.user, secret_uuid)
        if ceph_secret in seen_ceph_secrets:  # ok: DS607 a pair of identifiers that deduplicates the list
            continue
        seen_ceph_secrets.add(ceph_secret)
        users.append(ceph_secret)
    return users


def ceph_keys(backends, known_secrets):
    for backend in backends:
        ceph_secret = (backend.user, backend.secret)
        if ceph_secret in known_secrets:  # expect: DS607 the pair holds the key itself
            return backend
    return None
