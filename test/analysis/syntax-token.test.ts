import { parsePython } from '../../src/analysis/python-parser.js';
import { isSyntaxToken } from '../../src/analysis/syntax-token.js';
import { ImportMap } from '../../src/analysis/import-map.js';

/** Tests the first identifier or attribute in `source` whose text is `name`. */
const syntaxToken = (source: string, name = 'token') => {
  const root = parsePython(`${source}\n`).rootNode;
  const node = root.descendantsOfType(['identifier', 'attribute']).find((n) => n.text === name)!;
  return isSyntaxToken(node);
};

/** The same, with the snippet's imports known (the file-level cue). */
const syntaxTokenWithImports = (source: string, name = 'token') => {
  const root = parsePython(`${source}\n`).rootNode;
  const imports = new ImportMap();
  for (const statement of root.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const node = root.descendantsOfType(['identifier', 'attribute']).find((n) => n.text === name)!;
  return isSyntaxToken(node, imports);
};

describe('isSyntaxToken in a file that imports a parser library or Cassandra', () => {
  it.each([
    'import pyparsing\nclass Selector:\n    def __init__(self, tokens):\n        for token in tokens:\n            self.name = token',
    'from pyparsing import Word\nname = token',
    'import ply.lex as lex\nlog.debug("%s", token)',
    'from cassandra.query import BatchStatement\nLOG.info("%s", token)',
  ])('%j: a bare token is syntax (or a ring position)', (source) => {
    expect(syntaxTokenWithImports(source)).toBe(true);
  });

  it.each([
    ['import pyparsing\nLOG.info("%s", auth_token)', 'auth_token'],
    ['import pyparsing\nLOG.info("%s", self.token)', 'self.token'],
    ['import requests\nLOG.info("%s", token)', 'token'],
    ['import pyparsing_helpers\nLOG.info("%s", token)', 'token'],
  ])('%j: %s is not', (source, name) => {
    expect(syntaxTokenWithImports(source, name)).toBe(false);
  });

  it('asks nothing of the imports when none are given', () => {
    const root = parsePython('import pyparsing\nx = token\n').rootNode;
    const node = root.descendantsOfType('identifier').find((n) => n.text === 'token')!;
    expect(isSyntaxToken(node)).toBe(false);
  });
});

describe('isSyntaxToken reads the statement a name is in, not what a header opens', () => {
  const nodes = (source: string) => parsePython(`${source}\n`).rootNode.descendantsOfType('identifier').filter((n) => n.text === 'token');

  it('judges a loop header by the header, and the body by its own statement', () => {
    const [header, body] = nodes('for token in tokens:\n    log.debug("%s", token.line)');
    expect(isSyntaxToken(header!)).toBe(false);
    expect(isSyntaxToken(body!)).toBe(true);
  });

  it('judges a parameter by the parameter list, not the class around its method', () => {
    const [parameter] = nodes('class C:\n    def a(self, token=None):\n        pass\n\n    def b(self, token):\n        return token.start');
    expect(isSyntaxToken(parameter!)).toBe(false);
  });
});

describe('isSyntaxToken', () => {
  it.each([
    ['raise SyntaxError("unexpected %s at %d" % (token, token.line))', 'token'],
    ['raise ParseError(self._lexer.source, self._lexer.token.start, f"found {self._lexer.token}")', 'self._lexer.token'],
    ['def rev_parse(rev):\n    raise ValueError("Invalid token: %r" % token)', 'token'],
    ['class Lexer:\n    def next(self):\n        log.debug("%s", token)', 'token'],
  ])('%j: %s is a piece of syntax', (source, name) => {
    expect(syntaxToken(source, name)).toBe(true);
  });

  it.each([
    ['raise AuthError("Invalid token: %r" % token)', 'token'],
    ['def login(user):\n    log.debug("%s %s", token, token.expires_at)', 'token'],
    ['def rev_parse(rev):\n    log.debug("%s", auth_token)', 'auth_token'],
    ['raise AuthError("bad %s" % password)', 'password'],
  ])('%j: %s is not', (source, name) => {
    expect(syntaxToken(source, name)).toBe(false);
  });
});
