import random
import random as rnd
import secrets
import string
from random import choice, getrandbits

ALPHABET = string.ascii_letters + string.digits


def generate_password(length=12):
    return "".join(random.choice(ALPHABET) for _ in range(length))  # expect: DS604


def make_token():
    return str(getrandbits(128))  # expect: DS604


def credentials(user):
    admin_password = "".join([choice(ALPHABET) for _ in range(16)])  # expect: DS604
    user.auth_token = rnd.getrandbits(64)  # expect: DS604
    api_key = "%032x" % random.getrandbits(128)  # expect: DS604
    reset = dict(token=random.randint(100000, 999999))  # expect: DS604
    body = {"password": "".join(random.sample(ALPHABET, 12))}  # expect: DS604
    session_key = random.randbytes(32)  # expect: DS604
    delay = random.uniform(0.5, 1.5)  # ok: DS604 jitter is not a secret
    tokens = random.sample(range(100), 5)  # ok: DS604 `tokens` is not a secret name
    host = random.choice(user.hosts)  # ok: DS604 load balancing
    safe_password = "".join(secrets.choice(ALPHABET) for _ in range(16))  # ok: DS604 secrets module
    rng = random.SystemRandom()
    sys_token = rng.getrandbits(128)  # ok: DS604 SystemRandom is a CSPRNG
    return admin_password, api_key, reset, body, session_key, delay, tokens, host, safe_password, sys_token


def pick_server(servers):
    return random.choice(servers)  # ok: DS604 function name is not a secret


def reset_flow(user):
    user.reset_code = "%06d" % random.randint(0, 999999)  # expect: DS604
    salt = "%016x" % random.getrandbits(64)  # expect: DS604
    session_id = "".join(random.choice(ALPHABET) for _ in range(32))  # expect: DS604
    salt_length = random.choice([16, 32])  # ok: DS604 a length, not the salt
    return salt, session_id, salt_length


def authorize_request_token(request_token_id, user_id, role_ids):
    token_dict = {"authorizing_user_id": user_id, "role_ids": role_ids}
    token_dict["verifier"] = str(random.randint(1000, 9999))  # expect: DS604 an OAuth verifier
    oauth_verifier = "".join(random.sample(ALPHABET, 8))  # expect: DS604
    verifier_length = random.choice([8, 16])  # ok: DS604 a length, not the verifier
    return token_dict, oauth_verifier, verifier_length


# heat's password_gen.py: the module's name rebound at module level to the system generator.
import random as random_module  # noqa: E402
from random import choices as pick  # noqa: E402

pick = random_module.SystemRandom().choices


def generate_openstack_password(length=32):
    password = "".join(
        pick(ALPHABET, k=length))  # ok: DS604 `pick` is SystemRandom's, rebound at module level
    api_token = "".join(random_module.choices(ALPHABET, k=length))  # expect: DS604 the module itself
    return password, api_token
