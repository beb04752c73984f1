import xml.etree.ElementTree as ET
import xml.etree.cElementTree as cET
import xml.sax
from xml import sax
from xml.dom import minidom, pulldom
from xml.dom.minidom import parseString as dom_parse_string
from xml.dom import expatbuilder

import defusedxml.ElementTree as SafeET
import defusedxml.sax
from defusedxml import minidom as safe_minidom


def load_inventory(body, path, handler):
    root = ET.fromstring(body)  # expect: DS111
    tree = ET.parse(  # expect: DS111
        path,
    )
    for event, elem in cET.iterparse(path):  # expect: DS111
        elem.clear()
    parser = ET.XMLParser(encoding="utf-8")  # expect: DS111
    xml.sax.parseString(body, handler)  # expect: DS111
    reader = sax.make_parser()  # expect: DS111
    doc = minidom.parseString(body)  # expect: DS111
    events = pulldom.parse(path)  # expect: DS111
    other = dom_parse_string(body)  # expect: DS111
    built = expatbuilder.parse(path)  # expect: DS111
    return root, tree, parser, reader, doc, events, other, built


def load_safely(body, path, handler):
    root = SafeET.fromstring(body)  # ok: DS111 defusedxml
    tree = SafeET.parse(path)  # ok: DS111 defusedxml
    defusedxml.sax.parseString(body, handler)  # ok: DS111 defusedxml
    doc = safe_minidom.parseString(body)  # ok: DS111 defusedxml
    return root, tree, doc


def build_reply(items):
    root = ET.Element("items")  # ok: DS111 building XML parses nothing
    for item in items:
        ET.SubElement(root, "item").text = item
    return ET.tostring(root, encoding="unicode")  # ok: DS111 serialising
