import Crypto  # expect: DS605
import Crypto.Cipher.AES as aes  # expect: DS605
from Crypto.Cipher import AES  # expect: DS605
from Crypto.PublicKey import RSA  # expect: DS605
from Crypto import Random  # expect: DS605
from Cryptodome.Cipher import AES as DomeAES  # ok: DS605 pycryptodomex's own namespace
import CryptoUtils  # ok: DS605 another package
from cryptography.fernet import Fernet  # ok: DS605 cryptography
from mypkg.Crypto import helpers  # ok: DS605 a local module named Crypto
