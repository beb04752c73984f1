import json
import marshal
import pickle
import shelve
import subprocess
import sys

import dill
import jsonpickle
from pickle import loads as unpickle


def load(message, path):
    a = pickle.loads(message)  # expect: DS105
    b = unpickle(message)  # expect: DS105
    with open(path, "rb") as f:
        c = pickle.load(f)  # expect: DS105
    d = marshal.loads(message)  # expect: DS105
    db = shelve.open(path)  # expect: DS105
    e = json.loads(message)  # ok: DS105 data only
    blob = pickle.dumps(a)  # ok: DS105 serialising is not loading
    f2 = loader.loads(message)  # ok: DS105 some other loads
    g = dill.loads(message)  # expect: DS105
    h = jsonpickle.decode(message)  # expect: DS105
    enc = jsonpickle.encode(a)  # ok: DS105 encoding is not loading
    return g, h, enc, a, b, c, d, db, e, blob, f2


def main():
    # A management script: its caller pipes the request in, pickled, and reads the answer back.
    script_dict = pickle.load(sys.stdin.buffer)  # ok: DS105 the caller's own pipe
    legacy = pickle.load(
        sys.stdin)  # ok: DS105 the caller's own pipe, over two lines
    out = subprocess.run([sys.executable, script_dict['script']],
                         input=pickle.dumps(script_dict), stdout=subprocess.PIPE)
    answer = pickle.loads(out.stdout)  # expect: DS105 another program's output
    stream = sys.stdin.buffer
    unpickler = pickle.Unpickler(stream)  # expect: DS105 a name is not followed (stdin only when written there)
    empty = pickle.Unpickler()  # expect: DS105 no arguments
    return legacy, answer, unpickler, empty
