from lxml import etree
from lxml import etree as ET
import lxml.etree


def make_parsers(options):
    loose = etree.XMLParser(resolve_entities=True)  # expect: DS113
    plain = ET.XMLParser(remove_blank_text=True)  # expect: DS113
    pull = lxml.etree.XMLPullParser(  # expect: DS113
        events=("start", "end"),
        resolve_entities=True,
    )
    default = etree.XMLParser()  # expect: DS113
    return loose, plain, pull, default


def make_safe_parsers(options):
    safe = etree.XMLParser(resolve_entities=False, no_network=True)  # ok: DS113 hardened
    also = ET.XMLParser(
        remove_blank_text=True,
        resolve_entities=False,  # ok: DS113 hardened, multi-line
    )
    html = etree.HTMLParser()  # ok: DS113 HTML parser has no entity declarations
    configured = etree.XMLParser(**options)  # ok: DS113 options may set it
    return safe, also, html, configured
