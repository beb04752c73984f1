import pyghmi  # expect: DS508
import pyghmi.ipmi.command  # expect: DS508
import pyghmi.ipmi.sdr as ipmi_sdr  # expect: DS508
from pyghmi import ipmi  # expect: DS508
from pyghmi.ipmi import command as ipmi_command  # expect: DS508
from pyghmi.ipmi.bmc import (
    Bmc,  # expect: DS508
)
from pyghmi.ipmi.private.session import *  # expect: DS508
from pyghmi import exceptions as pyghmi_exception  # ok: DS508 only the exception classes
import pyghmi.exceptions  # ok: DS508 only the exception classes
from pyghmi.redfish import command as redfish_command  # ok: DS508 Redfish over HTTPS
from pyghmi.util import webclient  # ok: DS508 pyghmi's HTTPS client
import pyghmi_helpers  # ok: DS508 a different module
from myproject import pyghmi_compat  # ok: DS508 a project module


def connect(address):
    return pyghmi, ipmi_sdr, ipmi, ipmi_command, Bmc, pyghmi_exception, redfish_command, webclient, pyghmi_helpers, pyghmi_compat, address
