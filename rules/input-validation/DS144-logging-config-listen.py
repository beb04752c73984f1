import logging
import logging.config
import logging.config as log_config
from logging import config as logconf
from logging.config import listen

import eventlet

from myproject import logging_tools

LOG_CONFIG_PORT = 9030


def start_listener():
    thread = logging.config.listen(LOG_CONFIG_PORT)  # expect: DS144
    thread.start()
    return thread


def start_default():
    return log_config.listen()  # expect: DS144


def start_explicit_none(port):
    return logconf.listen(
        port,
        verify=None,  # expect: DS144
    )


def start_positional_none(port):
    return listen(port, None)  # expect: DS144


def start_multiline(port):
    return logging.config.listen(  # expect: DS144
        port=port,
    )


def start_unchecked(port):
    return listen(port, verify=lambda data: data)  # expect: DS144


def start_signed(port, verify_signature):
    return logging.config.listen(port, verify=verify_signature)  # ok: DS144 a verifier sees the bytes first


def start_positional_verifier(port, decrypt):
    return log_config.listen(port, decrypt)  # ok: DS144 the verifier given positionally


def start_lambda_verifier(port, key):
    return listen(port, verify=lambda data: unsign(key, data))  # ok: DS144 the lambda checks a signature


def start_forwarded(port, **options):
    return logging.config.listen(port, **options)  # ok: DS144 `**options` may hold a verifier


def serve(port):
    return eventlet.listen(("127.0.0.1", port))  # ok: DS144 a socket, not a logging config listener


def load(path):
    logging.config.fileConfig(path)  # ok: DS144 a file the service owns
    logging.config.stopListening()  # ok: DS144 stops the listener
    return logging_tools.listen(path)  # ok: DS144 a project function


def unsign(key, data):
    return data if key else None
