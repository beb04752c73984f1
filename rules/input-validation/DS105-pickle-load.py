import json
import marshal
import pickle
import shelve

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
