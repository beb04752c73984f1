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


import yaml.constructor


def get_loader(version):
    """murano's yaql_yaml_loader: the loader class is defined inside the function that loads."""

    def load(contents, file_id):
        class MuranoPlYamlConstructor(yaml.constructor.SafeConstructor):
            def construct_yaml_map(self, node):
                return self.construct_mapping(node)

        class YaqlYamlLoader(yaml.SafeLoader, MuranoPlYamlConstructor):
            pass

        YaqlYamlLoader.yaml_implicit_resolvers = {}
        YaqlYamlLoader.add_constructor(u'!yaql', MuranoPlYamlConstructor.construct_yaml_map)
        return list(filter(
            lambda t: t,
            yaml.load_all(contents, Loader=YaqlYamlLoader))  # ok: DS106 a SafeLoader subclass defined in this function
        )

    return load


def outer_loader():
    class OuterSafeLoader(yaml.CSafeLoader):
        pass

    def load(stream):
        return yaml.load(stream, Loader=OuterSafeLoader)  # ok: DS106 a safe loader class defined in the enclosing function

    def load_unsafe(stream):
        class OuterSafeLoader(yaml.Loader):
            pass

        return yaml.load(stream, Loader=OuterSafeLoader)  # expect: DS106 the nearer class of that name is on the full loader

    return load, load_unsafe


class UnsafeModuleLoader(yaml.Loader):
    pass


def load_with_local_safe_class(stream):
    class UnsafeModuleLoader(yaml.SafeLoader):
        pass

    return yaml.load(stream, Loader=UnsafeModuleLoader)  # ok: DS106 the local class hides the module's full one


def load_with_local_unsafe_class(stream):
    class MistralSafeLoader(yaml.Loader):
        pass

    return yaml.load(stream, Loader=MistralSafeLoader)  # expect: DS106 the local class on the full loader hides the module's safe one


def load_with_reassigned_name(stream):
    MistralSafeLoader = yaml.FullLoader
    return yaml.load(stream, Loader=MistralSafeLoader)  # expect: DS106 the local name holds the full loader


def load_with_parameter(stream, MistralSafeLoader):
    return yaml.load(stream, Loader=MistralSafeLoader)  # expect: DS106 a parameter named like the module's safe loader: a caller may pass any


def load_with_unsafe_mixin(stream):
    class MixedLoader(yaml.SafeLoader, yaml.constructor.Constructor):
        pass

    return yaml.load(stream, Loader=MixedLoader)  # expect: DS106 the unsafe Constructor mixed in


def build_galaxy(release_string):
    """ansible-collections-openstack's build script: ruamel.yaml's round-trip loader, named `yaml`."""
    from ruamel.yaml import YAML
    yaml = YAML()
    yaml.explicit_start = True
    config = yaml.load(open('galaxy.yml.in'))  # ok: DS106 `yaml` is this function's ruamel loader
    config['version'] = release_string
    return config


def build_other(path):
    config = yaml.load(open(path))  # expect: DS106 here `yaml` is still the module
    return config


# pyhelm3: the package's own loader, imported relatively from a sibling module.
from .command import SafeLoader as HelmSafeLoader
from ruamel_compat import FancyLoader


def load_manifest(manifest):
    return yaml.load(manifest, Loader=HelmSafeLoader)  # ok: DS106 the package's own loader, judged where it is defined


def load_values(values):
    return yaml.load(values, Loader=FancyLoader)  # expect: DS106 another package's loader, not shown to be safe
