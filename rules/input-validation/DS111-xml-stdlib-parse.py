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


from xml.sax import expatreader
from trove.common import xmlutils


class ProtectedExpatParser(expatreader.ExpatParser):
    """An expat parser which disables DTD's and entities by default."""

    def __init__(self, forbid_dtd=True, forbid_entities=True, *args, **kwargs):
        expatreader.ExpatParser.__init__(self, *args, **kwargs)
        self.forbid_dtd = forbid_dtd
        self.forbid_entities = forbid_entities

    def start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        raise ValueError("Inline DTD forbidden")

    def entity_decl(self, entityName, is_parameter_entity, value, base, systemId, publicId, notationName):
        raise ValueError("<!ENTITY> entity declaration forbidden")

    def reset(self):
        expatreader.ExpatParser.reset(self)
        if self.forbid_dtd:
            self._parser.StartDoctypeDeclHandler = self.start_doctype_decl
        if self.forbid_entities:
            self._parser.EntityDeclHandler = self.entity_decl


class LenientExpatParser(expatreader.ExpatParser):
    def entity_decl(self, *args):
        raise ValueError("never installed as a handler")


class SafeLookingParser(expatreader.ExpatParser):
    """Named safe, but its code installs no handler."""


def safe_minidom_parse_string(xml_string, body):
    try:
        doc = minidom.parseString(xml_string, parser=ProtectedExpatParser())  # ok: DS111 the file's parser refuses entities
    except sax.SAXParseException:
        raise ValueError()
    shared = xmlutils.ProtectedExpatParser()
    again = minidom.parseString(  # ok: DS111 an imported protected parser, through a name
        body,
        parser=shared,
    )
    other = minidom.parseString(body, parser=ProtectedExpatParser(forbid_entities=False))  # expect: DS111 protection turned off
    lenient = minidom.parseString(body, parser=LenientExpatParser())  # expect: DS111 the handler is never installed
    named = minidom.parseString(body, parser=SafeLookingParser())  # expect: DS111 the file's class is judged by its code
    plain = minidom.parseString(body, parser=expatreader.create_parser())  # expect: DS111 expatreader.create_parser
    return doc, again, other, lenient, named, plain


# sahara spells it `import xml.dom.minidom as xml` (test/rules/xml-fixed-documents.test.ts).
from xml.dom import minidom as xmldom
from xml.etree import ElementTree as etree

ACTION_TEMPLATE = '<action name="%s"/>'


class OozieWorkflowCreator(object):
    """sahara's workflow creator: documents written from constants, and one from a path."""

    def __init__(self, name):
        ok_elem = xmldom.parseString('<%s to="%s"/>' % ("ok", "end"))  # ok: DS111 only constants formatted in
        error_elem = xmldom.parseString(  # ok: DS111 only constants formatted in, over several lines
            '<%s to="%s"/>' % ("error",
                               "fail"))
        start = xmldom.parseString('<start to="action"/>')  # ok: DS111 a constant document
        self.tag_name = name
        return ok_elem, error_elem, start

    def _add_to_prepare_element(self, element, paths):
        for path in paths:
            elem = xmldom.parseString('<%s path="%s"/>' % (element, path))  # expect: DS111 a path formatted in
            self.prop.appendChild(elem.firstChild)

    def _add_named_action(self):
        return xmldom.parseString(ACTION_TEMPLATE % 'map-reduce')  # ok: DS111 a module constant filled with a constant

    def _add_named_action_from(self, name):
        return xmldom.parseString(ACTION_TEMPLATE % name)  # expect: DS111 a parameter filled in

    def _parse_built(self):
        doc = '<%s/>' % "kill"
        return xmldom.parseString(doc)  # ok: DS111 a name bound once to a document of constants

    def _parse_data(self, data):
        return xmldom.parseString(data)  # expect: DS111 a document from the caller

    def _parse_rebuilt(self, data):
        doc = '<kill/>'
        if data:
            doc = data
        return xmldom.parseString(doc)  # expect: DS111 the name may hold the caller's document

    def _parse_keyword(self, data):
        return etree.fromstring(text=data)  # expect: DS111 passed by keyword

    def _parse_f_string(self, node_id):
        return etree.fromstring(f'<node id="{node_id}"/>')  # expect: DS111 a value filled into an f-string

    def _read_bundled(self):
        return etree.parse('resources/workflow.xml')  # expect: DS111 a constant file name: the file's content is not in the code

    def _parse_default(self, doc='<kill/>'):
        return xmldom.parseString(doc)  # expect: DS111 the default is only what a caller that passes nothing gets
