import { parsePython } from '../../src/analysis/python-parser.js';
import { isSyntaxToken } from '../../src/analysis/syntax-token.js';

/** Tests the first identifier or attribute in `source` whose text is `name`. */
const syntaxToken = (source: string, name = 'token') => {
  const root = parsePython(`${source}\n`).rootNode;
  const node = root.descendantsOfType(['identifier', 'attribute']).find((n) => n.text === name)!;
  return isSyntaxToken(node);
};

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
