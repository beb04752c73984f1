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


import json

if hasattr(yaml, 'CSafeLoader'):
    _yaml_loader_base = yaml.CSafeLoader
else:
    _yaml_loader_base = yaml.SafeLoader


class yaml_loader(_yaml_loader_base):
    def _construct_yaml_str(self, node):
        return self.construct_scalar(node)


yaml_loader.add_constructor('tag:yaml.org,2002:str', yaml_loader._construct_yaml_str)

if hasattr(yaml, 'CLoader'):
    _fast_base = yaml.CLoader
else:
    _fast_base = yaml.SafeLoader


class fast_loader(_fast_base):
    pass


def simple_parse(tmpl_str):
    try:
        tpl = json.loads(tmpl_str)
    except ValueError:
        tpl = yaml.load(tmpl_str, Loader=yaml_loader)  # ok: DS106 the file's loader derives from a safe one
    other = yaml.load(  # expect: DS106 CLoader on one branch is the full loader
        tmpl_str,
        Loader=fast_loader,
    )
    return tpl, other


class YamlCodec(object):
    def deserialize(self, stream):
        return yaml.load(stream, Loader=self.loader)  # expect: DS106 the base class's loader is the full one

    @property
    def loader(self):
        return yaml.loader.Loader


class SafeYamlCodec(YamlCodec):
    @property
    def loader(self):
        return yaml.loader.SafeLoader


class SafeCodec(object):
    loader_class = yaml.SafeLoader

    def deserialize(self, stream):
        return yaml.load(stream, Loader=self.loader_class)  # ok: DS106 a class attribute holding SafeLoader

    def deserialize_with(self, stream, loader=yaml.SafeLoader):
        return yaml.load(stream, Loader=loader)  # expect: DS106 a caller may pass any loader


class MistralSafeLoader(yaml.SafeLoader):
    """mistral's safe_yaml: a SafeLoader subclass, passed by position."""


def safe_load(stream):
    return yaml.load(stream, MistralSafeLoader)  # ok: DS106 a safe loader passed by position


def full_load(stream):
    return yaml.load(stream, yaml.FullLoader)  # expect: DS106 the full loader, by position
