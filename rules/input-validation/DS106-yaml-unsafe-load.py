import yaml
from yaml import load as yload


def read(stream, text):
    a = yaml.load(stream)  # expect: DS106
    b = yaml.load(text, Loader=yaml.FullLoader)  # expect: DS106
    c = yload(stream)  # expect: DS106
    d = yaml.unsafe_load(text)  # expect: DS106
    e = list(yaml.load_all(stream, Loader=yaml.Loader))  # expect: DS106
    f = yaml.safe_load(stream)  # ok: DS106 safe loader
    g = yaml.load(stream, Loader=yaml.SafeLoader)  # ok: DS106 safe Loader given
    h = yaml.load(stream, Loader=yaml.CSafeLoader)  # ok: DS106 safe Loader given
    i = json.load(stream)  # ok: DS106 not yaml
    j = yaml.load(  # expect: DS106
        stream,
    )
    k = yaml.load(stream, yaml.Loader)  # expect: DS106
    return j, k, a, b, c, d, e, f, g, h, i
