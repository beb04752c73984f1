from Crypto.Cipher import AES, ARC4, DES
from Crypto.Cipher import Blowfish as BF
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers import algorithms as alg
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from Cryptodome.Cipher import DES3


def encrypt(key, iv, nonce, data):
    c1 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))  # expect: DS602
    c2 = Cipher(alg.ARC4(key), mode=None)  # expect: DS602
    c3 = Cipher(algorithms.AES(key), modes.ECB())  # expect: DS602
    c4 = Cipher(algorithms.Blowfish(key), modes.CBC(iv))  # expect: DS602
    d1 = DES.new(key, DES.MODE_CBC, iv)  # expect: DS602
    d2 = ARC4.new(key)  # expect: DS602
    d3 = BF.new(key, BF.MODE_CBC, iv)  # expect: DS602
    d4 = DES3.new(key, DES3.MODE_CBC, iv)  # expect: DS602
    d5 = AES.new(key, AES.MODE_ECB)  # expect: DS602
    d6 = AES.new(key, mode=AES.MODE_ECB)  # expect: DS602
    ok1 = Cipher(algorithms.AES(key), modes.GCM(iv))  # ok: DS602 AES-GCM
    ok2 = AES.new(key, AES.MODE_GCM, nonce=nonce)  # ok: DS602 AES-GCM in pycryptodome
    ok3 = AESGCM(key).encrypt(nonce, data, None)  # ok: DS602 AEAD
    ok4 = Cipher(algorithms.ChaCha20(key, nonce), mode=None)  # ok: DS602 ChaCha20
    return c1, c2, c3, c4, d1, d2, d3, d4, d5, d6, ok1, ok2, ok3, ok4
