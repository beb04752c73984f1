from Crypto.PublicKey import RSA
from Cryptodome.PublicKey import DSA as dsa_x
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.asymmetric.rsa import generate_private_key

LEGACY_KEY_BITS = 1024
KEY_BITS = 4096


def keys(bits):
    k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: DS603
    k2 = generate_private_key(65537, 512)  # expect: DS603
    k3 = dsa.generate_private_key(1024)  # expect: DS603
    k4 = dsa.generate_private_key(key_size=2047)  # expect: DS603
    k5 = rsa.generate_private_key(public_exponent=3, key_size=4096)  # expect: DS603
    k6 = ec.generate_private_key(ec.SECP192R1())  # expect: DS603
    k7 = ec.generate_private_key(curve=ec.SECT163K1)  # expect: DS603
    k8 = RSA.generate(1024)  # expect: DS603
    k9 = dsa_x.generate(bits=1024)  # expect: DS603
    ok1 = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # ok: DS603 2048 bits
    ok2 = generate_private_key(65537, 4096)  # ok: DS603 positional, strong
    ok3 = dsa.generate_private_key(3072)  # ok: DS603 3072 bits
    ok4 = ec.generate_private_key(ec.SECP256R1())  # ok: DS603 P-256
    ok5 = RSA.generate(bits)  # ok: DS603 size chosen elsewhere
    ok6 = rsa.generate_private_key(65537, key_size=bits)  # ok: DS603 size not a literal
    ok7 = len(bytes(1024))  # ok: DS603 not key generation
    return k1, k2, k3, k4, k5, k6, k7, k8, k9, ok1, ok2, ok3, ok4, ok5, ok6, ok7


def generate_keypair(bits=1024, exponent=65537):
    return rsa.generate_private_key(
        public_exponent=exponent,  # ok: DS603 default exponent 65537
        key_size=bits,  # expect: DS603
    )


def legacy_key(size=LEGACY_KEY_BITS):
    k1 = RSA.generate(LEGACY_KEY_BITS)  # expect: DS603
    k2 = generate_private_key(65537, size)  # expect: DS603
    k3 = RSA.generate(KEY_BITS)  # ok: DS603 module constant of 4096 bits
    return k1, k2, k3


def strong_key(bits=4096):
    return RSA.generate(bits)  # ok: DS603 default of 4096 bits


def rebound_key(bits=1024):
    bits = max(bits, 2048)
    return RSA.generate(bits)  # ok: DS603 the default is raised before use
