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


import eventlet
from eventlet.green import socket as green_socket


def get_socket(conf, default_port):
    sock = None
    while not sock:
        sock = eventlet.listen((conf.bind_host, default_port),
                               backlog=conf.backlog)
    return sock


def open_connection(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    return sock


class Server(object):
    def configure_socket(self):
        _sock = get_socket(self.conf, self.default_port)
        _sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock = _sock
        self.sock = ssl.wrap_socket(self._sock,  # ok: DS509 a listening socket, from a same-file function, through a copy on self
                                    certfile=self.conf.cert_file,
                                    keyfile=self.conf.key_file)


def serve(address, certfile, keyfile):
    listener = green_socket.socket(green_socket.AF_INET, green_socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(50)
    server = ssl.wrap_socket(listener, certfile=certfile, keyfile=keyfile)  # ok: DS509 listen() was called on it
    plain = socket.create_server(address)
    tls_plain = _ssl.wrap_socket(plain, certfile=certfile)  # ok: DS509 create_server makes a listening socket
    direct = ssl.wrap_socket(eventlet.listen(address), certfile=certfile)  # ok: DS509 a listening socket built in place
    return server, tls_plain, direct


class Client(object):
    def connect(self, host, port, ca):
        self._sock = open_connection(host, port)
        self.sock = ssl.wrap_socket(self._sock,  # expect: DS509 a connected socket, from a same-file function
                                    certfile=self.cert_file,
                                    keyfile=self.key_file,
                                    ca_certs=ca,
                                    cert_reqs=ssl.CERT_REQUIRED)
        return self.sock


def bound_client(host, port, source_ip, ca):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((source_ip, 0))
    tls = ssl.wrap_socket(sock, ca_certs=ca, cert_reqs=ssl.CERT_REQUIRED)  # expect: DS509 bound to a source address, connected after wrapping
    tls.connect((host, port))
    return tls


def listen_then_connect(address, ca):
    sock = socket.socket()
    sock.listen(1)
    sock.connect(address)
    return ssl.wrap_socket(sock, ca_certs=ca)  # expect: DS509 connected as well: a client
