import ssl
import ssl as _ssl
import urllib.request
from ssl import CERT_NONE, _create_unverified_context

import urllib3
from eventlet.green import ssl as green_ssl
from OpenSSL import SSL


def contexts(sock, host, cafile):
    ctx = ssl._create_unverified_context()  # expect: DS502
    ctx2 = _create_unverified_context(cafile=cafile)  # expect: DS502
    ssl._create_default_https_context = ssl._create_unverified_context  # expect: DS502
    ctx3 = ssl.create_default_context()
    ctx3.check_hostname = False  # expect: DS502
    ctx3.verify_mode = ssl.CERT_NONE  # expect: DS502
    ctx4 = _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT)
    ctx4.verify_mode = CERT_NONE  # expect: DS502
    wrapped = green_ssl.wrap_socket(sock, cert_reqs=green_ssl.CERT_NONE)  # expect: DS502
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE", assert_hostname=False)  # expect: DS502
    octx = SSL.Context(SSL.TLS_METHOD)
    octx.set_verify(SSL.VERIFY_NONE, lambda *args: True)  # expect: DS502
    good = ssl.create_default_context(cafile=cafile)  # ok: DS502 verifying context
    good.verify_mode = ssl.CERT_REQUIRED  # ok: DS502 certificate required
    good.check_hostname = True  # ok: DS502 host name checked
    strict = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=cafile)  # ok: DS502 verifies
    octx.set_verify(SSL.VERIFY_PEER, None)  # ok: DS502 peer verified
    server = ssl.wrap_socket(sock, server_side=True, certfile=cafile, cert_reqs=ssl.CERT_NONE)  # ok: DS502 server not asking for client certificates
    if good.verify_mode == ssl.CERT_NONE:  # ok: DS502 a comparison only reads the setting
        raise ValueError(host)
    opener = urllib.request.urlopen("https://example.com", context=good)
    return ctx, ctx2, wrapped, pool, opener, server


def listen_tls(sock, conf):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.verify_mode = ssl.CERT_NONE  # ok: DS502 a server context: clients are not asked for certificates
    context.load_cert_chain(conf["cert_file"], conf["key_file"])
    return context.wrap_socket(sock, server_side=True)


def listen_purpose(sock, certfile):
    server_ctx = _ssl.create_default_context(
        _ssl.Purpose.CLIENT_AUTH, cafile=None)
    server_ctx.check_hostname = False  # ok: DS502 a server context has no host name to check
    server_ctx.verify_mode = CERT_NONE  # ok: DS502 the same server context
    server_ctx.load_cert_chain(certfile)
    return server_ctx


def listen_wrapped(sock, certfile):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)
    ctx.load_cert_chain(certfile)
    ctx.verify_mode = ssl.CERT_NONE  # ok: DS502 wrapped below for the server end
    return ctx.wrap_socket(sock,
                           server_side=True)


class ConsoleProxy(object):
    def __init__(self, certfile):
        self.ssl_ctx = SSL.Context(SSL.TLS_SERVER_METHOD)
        self.ssl_ctx.use_certificate_file(certfile)

    def accept(self):
        self.ssl_ctx.set_verify(SSL.VERIFY_NONE, None)  # ok: DS502 a pyOpenSSL server context built in __init__
        return self.ssl_ctx


class VencryptClient(object):
    def __init__(self, cafile):
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.cafile = cafile

    def security_handshake(self, compute_sock, host):
        self.ctx.check_hostname = False  # expect: DS502
        self.ctx.verify_mode = ssl.CERT_NONE  # expect: DS502
        return self.ctx.wrap_socket(compute_sock, server_side=False, server_hostname=host)


def build_tls_context(minimum_version):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False  # expect: DS502
    ctx.verify_mode = ssl.CERT_NONE  # expect: DS502
    ctx.minimum_version = minimum_version
    return ctx


def probe(sock, host):
    client_ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    client_ctx.verify_mode = ssl.CERT_NONE  # expect: DS502
    listener = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    return client_ctx.wrap_socket(sock, server_hostname=host), listener


class AgentApi(object):
    # ironic-python-agent: the agent serves its API over TLS; ironic is the client.
    def start(self, server, utils):
        if self.tls_cert_file and self.tls_key_file:
            ssl_context = utils.create_ssl_context('server')
            ssl_context.load_cert_chain(certfile=self.tls_cert_file,
                                        keyfile=self.tls_key_file)
            ssl_context.check_hostname = False  # ok: DS502 a context built for the server
            ssl_context.verify_mode = ssl.CERT_NONE  # ok: DS502 a server not asking clients for certificates
            server.ssl_adapter = self.adapter(ssl_context)

    def fetch(self, utils, sock):
        client_context = utils.create_ssl_context('client')
        client_context.verify_mode = ssl.CERT_NONE  # expect: DS502 a context built for a client
        return client_context.wrap_socket(sock)
