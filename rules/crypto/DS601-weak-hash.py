import hashlib
import hashlib as hl
from hashlib import sha1

from Crypto.Hash import MD5, SHA256
from Cryptodome.Hash import SHA as dome_sha
from Cryptodome.Hash import SHA256 as dome_sha256
from cryptography.hazmat.primitives import hashes
from oslo_utils.secretutils import md5

FINGERPRINT_HASH = "md5"
STRONG_HASH = "sha256"


def digests(data, secret, name, cert, key):
    a = hashlib.md5(secret + data).hexdigest()  # expect: DS601
    b = hl.sha1(data).digest()  # expect: DS601
    c = sha1(data)  # expect: DS601
    d = hashlib.new("md5", data)  # expect: DS601
    d2 = hashlib.new(name="md5", data=data)  # expect: DS601 the name as a keyword
    d3 = hashlib.new(  # expect: DS601
        data=data,
        name="SHA1",
    )
    ok9 = hashlib.new(name="sha256", data=data)  # ok: DS601 strong hash by keyword
    e = hl.new("SHA1")  # expect: DS601
    f = hashes.Hash(hashes.SHA1())  # expect: DS601
    g = MD5.new(data)  # expect: DS601
    g2 = dome_sha.new(data)  # expect: DS601 SHA-1 through pycryptodomex
    g3 = dome_sha256.new(data)  # ok: DS601 strong hash
    h = md5(data)  # expect: DS601
    ok1 = hashlib.md5(data, usedforsecurity=False).hexdigest()  # ok: DS601 declared a checksum
    ok2 = hashlib.sha256(data).hexdigest()  # ok: DS601 strong hash
    ok3 = hashlib.new("sha256", data)  # ok: DS601 strong hash by name
    ok4 = hashes.Hash(hashes.SHA256())  # ok: DS601 strong hash
    ok10 = cert.fingerprint(hashes.SHA1())  # ok: DS601 a fingerprint names a certificate someone holds
    f2 = cert.sign(  # the finding is the hash, on its own line
        key,
        hashes.SHA1(),  # expect: DS601 a signature needs collision resistance
    )
    ok5 = SHA256.new(data)  # ok: DS601 strong hash
    ok6 = md5(data, usedforsecurity=False)  # ok: DS601 oslo wrapper told it is not for security
    ok7 = hashlib.new(name, data)  # ok: DS601 algorithm chosen elsewhere
    i = hashlib.md5()  # expect: DS601
    j = hl.sha1(  # expect: DS601
        data,
    )
    size = hashlib.sha1().digest_size * 2  # ok: DS601 only the digest size is read
    block = (hashlib.md5()).block_size  # ok: DS601 only the block size is read
    k = hashlib.new(FINGERPRINT_HASH, data)  # expect: DS601
    ok8 = hashlib.new(STRONG_HASH, data)  # ok: DS601 strong hash in a constant
    return k, ok8, i, j, size, block, a, b, c, d, e, f, g, h, ok1, ok2, ok3, ok4, ok5, ok6, ok7, d2, d3, ok9, ok10, f2


def fingerprint(data, algorithm="sha1"):
    return hashlib.new(algorithm, data).hexdigest()  # expect: DS601
