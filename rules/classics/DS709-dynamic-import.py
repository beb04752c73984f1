import importlib
from importlib import import_module

from oslo_utils import importutils

DRIVERS = {"kvm": "nova.virt.libvirt.driver"}


def load(name, request):
    mod = importlib.import_module(name)  # expect: DS709
    plugin = __import__(request.args["plugin"])  # expect: DS709
    driver = import_module("nova.virt.%s" % name)  # ok: DS709 a fixed package prefix
    conf = importlib.import_module("nova.conf." + name)  # ok: DS709 a fixed package prefix
    vendored = __import__(f"pip._vendor.{name}")  # ok: DS709 a fixed package prefix
    prefixed = importlib.import_module(name + ".driver")  # expect: DS709
    cls = importutils.import_class(name)  # ok: DS709 a driver named in the service's configuration
    lib = importlib.import_module(  # expect: DS709
        name,
    )
    json_mod = importlib.import_module("json")  # ok: DS709 constant module name
    libvirt = __import__("libvirt")  # ok: DS709 constant module name
    importutils.import_module("nova.virt.libvirt.driver")  # ok: DS709 constant module name
    known = importlib.import_module(DRIVERS[name])  # ok: DS709 looked up in a constant table
    return known, lib, conf, vendored, prefixed, mod, plugin, driver, cls, json_mod, libvirt
