import xmlrpc.client  # expect: DS115
import xmlrpclib as rpc  # expect: DS115
from xmlrpc.server import SimpleXMLRPCServer  # expect: DS115
from SimpleXMLRPCServer import (  # expect: DS115
    SimpleXMLRPCRequestHandler,
)

import defusedxml.xmlrpc  # ok: DS115 the defused module
from defusedxml import xmlrpc as safe_xmlrpc  # ok: DS115 the defused module
from myproject.xmlrpc_helpers import wrap  # ok: DS115 a project module with a similar name
import xmlschema  # ok: DS115 a different library

defusedxml.xmlrpc.monkey_patch()
