import struct
import hashlib
import hmac


def verify(key, body, signature, headers, expected_signature, metadata, request_hmac, a, b, digest_algorithm, device, vif, mmap, self):
    if hmac.new(key, body, hashlib.sha256).hexdigest() == signature:  # expect: DS606
        return True
    if signature != expected_signature:  # expect: DS606
        return False
    if headers["X-Signature"] == hmac.new(key, body, hashlib.sha1).digest():  # expect: DS606
        return True
    if metadata.get("checksum") == hashlib.md5(body, usedforsecurity=False).hexdigest():  # ok: DS606 a checksum, not a MAC
        return True
    if request_hmac == hmac.new(key, body, "sha256").hexdigest():  # expect: DS606
        return True
    if device.mac == vif.address:  # ok: DS606 a network MAC address
        return False
    if signature == 0xBEDA107F:  # ok: DS606 a file format's magic number
        return False
    if mmap[:4] == self.index_v2_signature:  # ok: DS606 a file format's magic bytes
        return False
    if hmac.compare_digest(signature, expected_signature):  # ok: DS606 constant time
        return True
    if signature == "":  # ok: DS606 a check for emptiness
        return False
    if signature is None or digest_algorithm == "sha256":  # ok: DS606 names an algorithm, not a digest
        return False
    if a == b == signature:  # ok: DS606 a chained comparison
        return False
    return len(signature) == 64  # ok: DS606 a length


KNOWN_SIGNATURES = (b"\x89PNG", b"GIF8")


class TempURL(object):
    def _get_hmacs(self, env, expires, keys):
        return [hmac.new(key, env["PATH_INFO"].encode(), hashlib.sha1).hexdigest() for key in keys]

    def authorize(self, env, temp_url_sig, temp_url_expires, keys):
        hmac_vals = self._get_hmacs(env, temp_url_expires, keys)
        if temp_url_sig not in hmac_vals:  # expect: DS606
            return self._invalid(env)
        return None

    def check(self, request_hmac, signature, expected_hmacs, header_sig, header_value, digest_algorithm, supported_digests):
        if request_hmac in expected_hmacs:  # expect: DS606
            return True
        if signature in self._valid_signatures:  # expect: DS606
            return True
        if (header_sig  # expect: DS606
                not in self.accepted_sigs):
            return False
        if header_sig in KNOWN_SIGNATURES:  # ok: DS606 file-format magic in an upper-case constant
            return False
        if header_sig in (b"\x89PNG", b"GIF8"):  # ok: DS606 a literal collection of magic bytes
            return False
        if "sha256" in signature:  # ok: DS606 a substring test on the signature's text
            return False
        if header_sig in header_value:  # ok: DS606 a substring test, not a lookup among MACs
            return False
        if digest_algorithm in supported_digests:  # ok: DS606 an algorithm name, not a digest
            return False
        return any(hmac.compare_digest(signature, candidate) for candidate in expected_hmacs)  # ok: DS606 constant time



import signal
import signal as sg
from signal import SIG_DFL


def safe_kill(pid, sig, name):
    # check process name for SIG_DFL
    if sig == signal.SIG_DFL:  # ok: DS606 a signal number, not a signature
        return name
    if sig == SIG_DFL:  # ok: DS606 imported from signal
        return name
    if (sg.SIGTERM  # ok: DS606 an aliased signal module, over two lines
            != sig):
        return name
    return None


class ProcessLauncher(object):
    # oslo.service's launcher: which signal stops the children, chosen once.
    def _wait_child(self, pid, sig=None):
        if self.force:
            stop_signal = signal.SIGKILL
        else:
            stop_signal = signal.SIGTERM
        if sig == stop_signal:  # ok: DS606 the other side holds only signal numbers
            return pid
        return None

    def _stop_child(self, pid, sig=None):
        # The same choice written as a conditional expression.
        stop_signal = signal.SIGKILL if self.force else signal.SIGTERM
        if sig == stop_signal:  # ok: DS606 both branches are signal numbers
            return pid
        if sig != (signal.SIGHUP if self.reload else signal.SIGINT):  # ok: DS606 a choice of two signals, in place
            return None
        return pid

    def _check_child(self, req, sig=None):
        expected_sig = signal.SIGKILL if self.force else req.headers["X-Signature"]
        if sig == expected_sig:  # expect: DS606 one branch is a header signature
            return True
        return False


class Manager(object):
    def _signal_pid(self, sig, pid, pid_file, verbose):
        if sig != signal.SIG_DFL:  # ok: DS606 a signal number, not a signature
            print('Signal %(pid)s  signal: %(signal)s' % {'pid': pid, 'signal': sig})

    def stop(self, graceful, sent_sig):
        if graceful:
            sig = signal.SIGHUP
        else:
            sig = signal.SIGTERM
        if sig != sent_sig:  # ok: DS606 sig holds only signal numbers
            return False
        return True

    def verify(self, req, graceful, expected_sig, computed_sig):
        if graceful:
            sig = signal.SIGHUP
        else:
            sig = req.headers["X-Signature"]
        if sig != expected_sig:  # expect: DS606 a header signature on one path
            return False
        request_sig = req.params["sig"]
        if request_sig == computed_sig:  # expect: DS606 a request signature
            return True
        return computed_sig != req.params.get("signal")  # expect: DS606 a lookup named signal is no signal constant


class QcowInspector(object):
    # oslo.utils' format inspector: a magic number read from the image, not a MAC.
    MBR_SIGNATURE = 0xAA55

    def has_mbr(self, region):
        (mbr_sig,) = struct.unpack('<H', region.data[510:512])
        return mbr_sig == self.MBR_SIGNATURE  # ok: DS606 compared with an upper-case constant

    def check(self, request_signature, expected):
        return (
            request_signature != expected)  # expect: DS606 a signature against a computed value


class VMDKInspector(object):
    # oslo.utils' format inspector: the header's and the footer's magic, read by one parser and
    # compared with each other; neither is a MAC someone sent.
    def _parse_sparse_header(self, region, offset=0):
        (
            sig,
            ver,
            desc_sec,
        ) = struct.unpack('<4sIQ', self.region(region).data[offset:offset + 16])
        return sig, ver, desc_sec

    def check_footer(self):
        h_sig, h_ver, h_desc_sec = (
            self._parse_sparse_header('header')
        )
        f_sig, f_ver, f_desc_sec = (
            self._parse_sparse_header('footer', 512)
        )
        if h_sig != f_sig:  # ok: DS606 one field of two records of one format
            raise ValueError('Header and footer signature do not match')
        if (f_sig  # ok: DS606 the same, over two lines
                == h_sig):
            return True
        return False

    def check_packet(self, key, packet, expected):
        body, packet_sig = self._split_packet(packet)
        expected_sig, _ = self._split_packet(expected)
        if packet_sig != expected_sig:  # expect: DS606 the same parser, but not the same field
            return False
        (received_sig,) = struct.unpack('32s', packet[-32:])
        computed_sig = hmac.new(key, body, hashlib.sha256).digest()
        if received_sig != computed_sig:  # expect: DS606 an unpacked MAC against a computed one
            return False
        _, other_sig = self._split_packet(expected)
        if packet.headers:
            other_sig = packet.headers["X-Signature"]
        if packet_sig == other_sig:  # expect: DS606 a header signature on one path
            return False
        h_sig, h_ver, h_desc_sec = self._parse_sparse_header('header')
        return h_sig == received_sig  # expect: DS606 the other side from another parser


# syntribos compares sets of test signals; ospurge compares methods' signatures.
import inspect


class SignalHolder(object):
    def __eq__(self, other):
        s1_has_s2 = all([sig in self.signals for sig in other.signals])  # ok: DS606 test signals, not signatures
        return s1_has_s2 and all(sig not in other.bad_signals for sig in self.signals)  # ok: DS606 the same

    def known(self, sig):
        return sig in self.valid_signatures  # expect: DS606 a collection of signatures


def check_overrides(sup, clsdict):
    for name, value in clsdict.items():
        prev_dfn = getattr(sup, name, None)
        if prev_dfn:
            prev_sig = inspect.signature(prev_dfn)
            val_sig = inspect.signature(value)
            if prev_sig != val_sig:  # ok: DS606 two functions' signatures
                return name
    return None


def verify(request, key, body):
    expected_sig = hmac.new(key, body, hashlib.sha256).hexdigest()
    request_sig = request.headers.get('X-Signature')
    if expected_sig != request_sig:  # expect: DS606 a MAC, not a function's signature
        return False
    return True


def verify_webhook(request, key, body):
    # A GitHub-style webhook: the digest on the right of `!=`.
    signature = "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
    if request.headers["X-Hub-Signature-256"] != signature:  # expect: DS606 the digest on the right of !=
        raise PermissionError("bad signature")
