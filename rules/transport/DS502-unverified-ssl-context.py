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
