import os
import tempfile
import tempfile as tf
from tempfile import mktemp
from tempfile import mktemp as make_name


def scratch(data):
    path = tempfile.mktemp()  # expect: DS701
    other = tf.mktemp(suffix=".img", dir="/var/lib/nova")  # expect: DS701
    third = mktemp(prefix="conf")  # expect: DS701
    fourth = make_name()  # expect: DS701
    fifth = os.path.join(tempfile.mktemp(), "x")  # expect: DS701
    log = open(tempfile.mktemp(".log"), "w")  # expect: DS701
    fd, safe = tempfile.mkstemp(suffix=".img")  # ok: DS701 created atomically
    with tempfile.NamedTemporaryFile() as f:  # ok: DS701 created atomically
        f.write(data)
    workdir = tf.mkdtemp()  # ok: DS701 private directory
    named = tempfile.gettempdir()  # ok: DS701 only the directory
    return path, other, third, fourth, fifth, log, fd, safe, workdir, named
