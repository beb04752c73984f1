import ssl
import ssl as pyssl
from ssl import PROTOCOL_TLSv1_1, TLSVersion

from eventlet.green import ssl as green_ssl
from OpenSSL import SSL


def legacy_socket(sock, version=ssl.PROTOCOL_SSLv3):  # expect: DS503
    return ssl.wrap_socket(sock, ssl_version=version)


def typed_socket(sock, method: int = SSL.TLSv1_1_METHOD):  # expect: DS503
    return SSL.Connection(SSL.Context(method), sock)


def contexts(sock):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: DS503
    ctx2 = pyssl.SSLContext(PROTOCOL_TLSv1_1)  # expect: DS503
    wrapped = green_ssl.wrap_socket(sock, ssl_version=green_ssl.PROTOCOL_SSLv2)  # expect: DS503
    octx = SSL.Context(SSL.SSLv3_METHOD)  # expect: DS503
    method = SSL.TLSv1_METHOD  # expect: DS503
    ctx3 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx3.minimum_version = TLSVersion.TLSv1  # expect: DS503
    ctx3.minimum_version = ssl.TLSVersion.TLSv1_2  # ok: DS503 TLS 1.2 minimum
    ctx4 = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)  # ok: DS503 negotiates the best version
    ctx5 = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)  # ok: DS503 TLS 1.2
    octx2 = SSL.Context(SSL.TLS_METHOD)  # ok: DS503 flexible method
    if ctx.protocol == ssl.PROTOCOL_TLSv1:  # ok: DS503 a comparison only reads the version
        raise ValueError("old protocol")
    supported = hasattr(ssl, "PROTOCOL_SSLv3")  # ok: DS503 feature test, not a use
    return ctx, ctx2, wrapped, octx, method, ctx4, ctx5, octx2, supported


def legacy_negotiation(sock, method=SSL.SSLv23_METHOD):  # expect: DS503 SSLv23 still allows SSL 2/3
    ctx = SSL.Context(
        method=SSL.SSLv23_METHOD,  # expect: DS503
    )
    tls_ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)  # ok: DS503 the flexible TLS method
    return ctx, tls_ctx, ssl.PROTOCOL_SSLv23 is not None  # ok: DS503 a read, not a choice
