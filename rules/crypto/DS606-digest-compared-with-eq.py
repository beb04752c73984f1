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
