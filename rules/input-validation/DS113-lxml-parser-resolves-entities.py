from lxml import etree
from lxml import etree as ET
import lxml.etree


def make_parsers(options):
    loose = etree.XMLParser(resolve_entities=True)  # expect: DS113
    pull = lxml.etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=True,  # expect: DS113
    )
    other = ET.XMLParser(remove_blank_text=True, resolve_entities=True, huge_tree=True)  # expect: DS113
    return loose, pull, other


def make_safe_parsers(options):
    safe = etree.XMLParser(resolve_entities=False, no_network=True)  # ok: DS113 hardened
    also = ET.XMLParser(
        remove_blank_text=True,
        resolve_entities=False,  # ok: DS113 hardened, multi-line
    )
    html = etree.HTMLParser(remove_comments=True)  # ok: DS113 not an XML parser
    lenient = etree.XMLParser(recover=True)  # ok: DS113 default entity handling is DS112's (low)
    configured = etree.XMLParser(**options)  # ok: DS113 options may set it
    return safe, also, html, lenient, configured
