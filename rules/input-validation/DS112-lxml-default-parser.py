import lxml.etree
from lxml import etree
from lxml import etree as ET
from lxml.etree import fromstring as lxml_fromstring

import defusedxml.lxml

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def read_config(body, path):
    root = etree.fromstring(body)  # expect: DS112
    tree = ET.parse(path)  # expect: DS112
    doc = lxml.etree.XML(  # expect: DS112
        body,
        base_url="https://example.test/",
    )
    other = lxml_fromstring(body)  # expect: DS112
    parser = etree.XMLParser(remove_blank_text=True)  # expect: DS112
    pull = ET.XMLPullParser(events=("end",))  # expect: DS112
    return root, tree, doc, other, parser, pull


def read_config_safely(body, path, parser):
    root = etree.fromstring(body, SAFE_PARSER)  # ok: DS112 hardened parser passed
    tree = ET.parse(path, parser=parser)  # ok: DS112 parser chosen by the caller
    doc = lxml.etree.XML(
        body,
        parser=SAFE_PARSER,  # ok: DS112 parser passed by keyword
    )
    safe = defusedxml.lxml.fromstring(body)  # ok: DS112 defusedxml
    text = etree.tostring(root)  # ok: DS112 serialising
    hardened = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # ok: DS112 hardened parser
    html = etree.HTMLParser()  # ok: DS112 HTML parser has no entity declarations
    return root, tree, doc, safe, text, hardened, html
