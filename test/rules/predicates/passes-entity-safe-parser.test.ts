import { passesEntitySafeParserPredicate } from '../../../src/rules/predicates/passes-entity-safe-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const PROTECTED = `from xml.dom import minidom
from xml.sax import expatreader


class ProtectedExpatParser(expatreader.ExpatParser):
    def __init__(self, forbid_dtd=True, forbid_entities=True, *args, **kwargs):
        expatreader.ExpatParser.__init__(self, *args, **kwargs)
        self.forbid_entities = forbid_entities

    def entity_decl(self, entityName, is_parameter_entity, value, base, systemId, publicId, notationName):
        raise ValueError("<!ENTITY> entity declaration forbidden")

    def reset(self):
        expatreader.ExpatParser.reset(self)
        if self.forbid_entities:
            self._parser.EntityDeclHandler = self.entity_decl

`;

/** Tests the snippet's last `parseString(...)` call. */
const holds = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c: SyntaxNode) => /parseString$/.test(c.childForFieldName('function')!.text));
  return passesEntitySafeParserPredicate.test(calls[calls.length - 1]!, true, { path: 'xmlutils.py', imports });
};

describe('passes-entity-safe-parser', () => {
  it.each([
    [PROTECTED + 'def parse(s):\n    return minidom.parseString(s, parser=ProtectedExpatParser())'],
    [PROTECTED + 'def parse(s):\n    p = ProtectedExpatParser(forbid_dtd=True)\n    return minidom.parseString(s, parser=p)'],
    ['from xml.dom import minidom\nfrom nova import utils\ndef parse(s):\n    return minidom.parseString(s, parser=utils.ProtectedExpatParser())'],
    ['from xml.dom import minidom\nfrom defusedxml.expatreader import DefusedExpatParser\ndef parse(s):\n    return minidom.parseString(s, parser=DefusedExpatParser())'],
  ])('%j: a parser that refuses entities', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    [PROTECTED + 'def parse(s):\n    return minidom.parseString(s)'],
    [PROTECTED + 'def parse(s):\n    return minidom.parseString(s, parser=ProtectedExpatParser(forbid_entities=False))'],
    [PROTECTED + 'def parse(s, p):\n    return minidom.parseString(s, parser=p)'],
    ['from xml.dom import minidom\nfrom xml.sax import expatreader\nclass SafeParser(expatreader.ExpatParser):\n    pass\ndef parse(s):\n    return minidom.parseString(s, parser=SafeParser())'],
    ['from xml.dom import minidom\nfrom xml.sax import expatreader\nclass P(expatreader.ExpatParser):\n    def entity_decl(self, *a):\n        raise ValueError()\ndef parse(s):\n    return minidom.parseString(s, parser=P())'],
    ['from xml.dom import minidom\nfrom xml.sax import expatreader\ndef parse(s):\n    return minidom.parseString(s, parser=expatreader.create_parser())'],
  ])('%j: it does not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
