from xml.etree.ElementTree import fromstring  # expect: DS124
from xml.etree.ElementTree import parse as parse_xml, iterparse  # expect: DS124
from xml.dom.minidom import (  # expect: DS124
    parseString,  # documents from the API
    parse,
)
from xml.sax import make_parser  # expect: DS124
from xml.dom.pulldom import parseString as pull_string  # expect: DS124

from xml.etree.ElementTree import Element, SubElement, tostring  # ok: DS124 building XML, defusedxml has no Element
from xml.etree.ElementTree import fromstring as fs, Element as E  # ok: DS124 mixed: Element would break
from xml.sax.saxutils import escape  # ok: DS124 not a parser
from xml.sax import handler  # ok: DS124 not a parsing function
from defusedxml.ElementTree import fromstring as safe_fromstring  # ok: DS124 already defused
