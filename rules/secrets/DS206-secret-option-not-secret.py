from oslo_config import cfg
from oslo_config.cfg import StrOpt
from keystone.common import utils

opts = [
    cfg.StrOpt("admin_password", help="Password of the admin user."),  # expect: DS206
    cfg.StrOpt("password", secret=True, default="admin"),  # expect: DS206
    StrOpt("auth_token"),  # expect: DS206
    cfg.StrOpt(  # expect: DS206
        "secret_key",
        help="Signs the cookies.",
    ),
    cfg.StrOpt("chap_password", secret=False),  # expect: DS206
    cfg.Opt("metadata_proxy_shared_secret", default="", secret=True),  # ok: DS206 secret and empty default
    cfg.StrOpt("api_key", default="changeme", secret=True),  # expect: DS206
    cfg.StrOpt("san_password", secret=True, help="Password for SAN controller."),  # ok: DS206 secret=True
    cfg.StrOpt("password_policy", help="Which policy applies."),  # ok: DS206 a policy, not a password
    cfg.IntOpt("token_expiry", default=3600),  # ok: DS206 an expiry
    cfg.StrOpt("access_key", help="The EC2 key id."),  # ok: DS206 a key id
    cfg.StrOpt("ssl_key_file", help="Path of the key."),  # ok: DS206 a file path
    cfg.StrOpt("admin_user", default="admin"),  # ok: DS206 a user name
    cfg.StrOpt("token_type", default="bearer"),  # ok: DS206 a type
    cfg.StrOpt("password", secret=True, default=None),  # ok: DS206 no default
]

more_opts = [
    cfg.StrOpt("san_private_key", default="", help="Filename of private key to use for SSH authentication."),  # ok: DS206 a file name
    cfg.StrOpt("kioxia_token", help="KumoScale Provisioner auth token."),  # expect: DS206
    # Options that take several values: each is written in clear just the same.
    cfg.MultiStrOpt("backend_passwords",  # expect: DS206
                    help="One password per backend."),
    cfg.MultiOpt("chap_secrets", item_type=cfg.types.String(), secret=True),  # ok: DS206 secret=True
    cfg.MultiStrOpt("backend_hosts", help="One host per backend."),  # ok: DS206 not a secret
]

# keystone's [auth] options name the auth plugins' entry points, not credentials.
auth_token_method = cfg.StrOpt(  # ok: DS206 an entry point's name
    'token',
    help=utils.fmt(
        """
Entry point for the token auth plugin module in the `keystone.auth.token`
namespace.
"""))
auth_token_value = cfg.StrOpt(  # expect: DS206 help says it is the token itself
    'token',
    help="Pass in your authentication token if you have one.")

# Each option is reported once, where it is declared.
trust_opts = [
    cfg.StrOpt('os_admin_password',  # expect: DS206 no secret=True, and a literal default
               default='blazar',  # ok: DS206 the same option, reported once above
               help='Password of the admin user to treat trusts.'),
    cfg.StrOpt('ca_private_key',
               secret=True,
               default='/etc/octavia/certs/private/cakey.pem',  # ok: DS206 its help says it is a path
               help='Absolute path to the Private Key for signing Defaults.'),
    cfg.StrOpt('auth_encryption_key',
               secret=True,
               default='notgood but just long enough i t',  # expect: DS206 a shared default key
               help='Key used to encrypt authentication info in the database.'),
]

# Command-line style names (freezer's S3 storage options).
s3_opts = [
    cfg.StrOpt('access-key',  # ok: DS206 an S3 key id
               dest='access_key',
               default=DEFAULT_PARAMS['access_key'],
               help="Access key for S3 compatible storage"),
    cfg.StrOpt('secret-key',  # expect: DS206 the S3 secret, not secret=True
               dest='secret_key',
               default=DEFAULT_PARAMS['secret_key'],
               help="Secret key for S3 compatible storage"),
]

# ec2-api's metadata proxy: a private key option whose help does not say "file", handed to
# httplib2 as the key file in the same module.
import httplib2

metadata_opts = [
    cfg.StrOpt('nova_client_cert',
               default='',
               help="Client certificate for nova metadata api server."),
    cfg.StrOpt('nova_client_priv_key',  # ok: DS206 the module gives it add_certificate as the key file
               default='',
               help="Private key of client certificate."),
    cfg.StrOpt('ssl-private-key',  # ok: DS206 loaded as the key file of a certificate chain
               help="Key of the proxy's own certificate."),
    cfg.StrOpt('proxy_signing_key',  # expect: DS206 read, but signed with: the key itself
               help="Key to sign instance-id requests."),
    cfg.StrOpt('metadata_proxy_shared_secret',  # expect: DS206 not read here as any path
               default='',
               help='Shared secret to sign instance-id request'),
]


def proxy_request(nova_addr, body):
    h = httplib2.Http(timeout=30)
    if (CONF.metadata.nova_client_cert and
            CONF.metadata.nova_client_priv_key):
        h.add_certificate(CONF.metadata.nova_client_priv_key,
                          CONF.metadata.nova_client_cert,
                          nova_addr)
    signature = hmac.new(CONF.metadata.proxy_signing_key.encode(), body, hashlib.sha256)
    return h, signature


def serve(sock):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CONF.metadata.ssl_cert, CONF.metadata.ssl_private_key)
    return context.wrap_socket(sock, server_side=True)


# neutron's and networking-ovn's metadata agent options: a certificate and its private key, both
# file paths handed to requests as `cert=(cert, key)` in another module.
agent_opts = [
    cfg.StrOpt('nova_client_cert',
               default='',
               help=_("Client certificate for nova metadata api server.")),
    cfg.StrOpt('metadata_client_priv_key',  # ok: DS206 the help calls it a certificate's private key: a file
               default='',
               help=_("Private key of client certificate.")),
    cfg.StrOpt('nova_client_key_password',  # expect: DS206 the password of that key is a secret
               help=_("Password for the private key of the client certificate.")),
    cfg.StrOpt('signing_private_key',  # expect: DS206 not said to be a certificate's
               help=_("Private key used to sign tokens.")),
]


# networking-vpp's JWT options: a node's certificate and private key, opened as PEM files by a
# helper in another module (jwt_agent.JWTUtils(cert, key, ca, ...)).
ml2_vpp_opts = [
    cfg.StrOpt('jwt_ca_cert',
               default=None,
               help=_("Root CA certificate for the JWT verification")),
    cfg.StrOpt('jwt_node_cert',
               default=None,
               help=_("Local Node certificate for the JWT verification")),
    cfg.StrOpt('jwt_node_private_key',  # ok: DS206 the key of the certificate beside it: a file
               default=None,
               help=_("Local Node private key for the JWT computation")),
    cfg.StrOpt('etcd_private_key',  # expect: DS206 no etcd certificate beside it
               help=_("Private key for etcd")),
    cfg.StrOpt('jwt_node_password',  # expect: DS206 a password, whatever is beside it
               help=_("Password of the node")),
]


def cli_options(click):
    # click's options, not oslo.config's: secret= is no parameter of theirs (the value is not logged by them).
    return click.option("--admin-password", help="Password of the admin user.")  # ok: DS206 a click option, not an oslo.config one


# f5-openstack-agent: a placeholder in square brackets that the operator replaces.
bigip_opts = [
    cfg.StrOpt(
        'openstack_admin_password',
        default='[Provide password in config file]',  # ok: DS206 a placeholder, secret=True set
        secret=True,
    ),
    cfg.StrOpt(
        'icontrol_password',
        default='admin',  # expect: DS206 a literal default every deployment shares
        secret=True,
    ),
]
