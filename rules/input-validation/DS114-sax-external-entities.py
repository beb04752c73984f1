import xml.sax
from xml.sax import handler
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

import defusedxml.sax


def make_reader(content_handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # expect: DS114
    parser.setFeature(handler.feature_external_pes, True)  # expect: DS114
    parser.setFeature(
        xml.sax.handler.feature_external_ges,
        True,  # expect: DS114
    )
    parser.setFeature(feature_external_ges, False)  # ok: DS114 feature off
    parser.setFeature(feature_external_pes, False)  # ok: DS114 feature off
    parser.setFeature(feature_namespaces, True)  # ok: DS114 namespaces are harmless
    safe = defusedxml.sax.make_parser()
    safe.setFeature(feature_namespaces, True)  # ok: DS114 namespaces on a defused parser
    parser.setContentHandler(content_handler)
    return parser, safe
