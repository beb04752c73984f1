import socket
import ssl
import ssl as _ssl
from ssl import wrap_socket

from eventlet.green import ssl as green_ssl
from oslo_config import cfg

CONF = cfg.CONF
CLIENT_SIDE = False


class HTTPSClientAuthConnection(object):
    def connect(self, host, port):
        sock = socket.create_connection((host, port))
        self.sock = ssl.wrap_socket(sock, self.key_file, self.cert_file,  # expect: DS509
                                    ca_certs=self.ca_file,
                                    cert_reqs=ssl.CERT_REQUIRED)
        return self.sock


def security_handshake(compute_sock):
    wrapped_sock = ssl.wrap_socket(  # expect: DS509
        compute_sock,
        keyfile=CONF.vnc.vencrypt_client_key,
        certfile=CONF.vnc.vencrypt_client_cert,
        server_side=False,
        cert_reqs=ssl.CERT_REQUIRED,
        ca_certs=CONF.vnc.vencrypt_ca_certs)
    return wrapped_sock


def other_spellings(sock, ca):
    a = _ssl.wrap_socket(sock, ca_certs=ca, cert_reqs=_ssl.CERT_REQUIRED)  # expect: DS509
    b = wrap_socket(sock, ca_certs=ca, server_side=CLIENT_SIDE)  # expect: DS509 a constant that is false
    c = green_ssl.wrap_socket(sock, ca_certs=ca)  # expect: DS509
    return a, b, c


def clean(sock, host, ca, certfile, options):
    context = ssl.create_default_context(cafile=ca)
    tls = context.wrap_socket(sock, server_hostname=host)  # ok: DS509 a context that checks host names
    server = ssl.wrap_socket(sock, server_side=True, certfile=certfile)  # ok: DS509 a server socket
    listener = ssl.wrap_socket(
        sock,
        certfile=certfile,
        server_side=True,  # ok: DS509 a server socket
    )
    unverified = ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)  # ok: DS509 nothing verified at all is DS502's
    passed_on = ssl.wrap_socket(sock, **options)  # ok: DS509 server_side may be in options
    return tls, server, listener, unverified, passed_on
