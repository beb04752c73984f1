import { ImportMap } from '../../../src/analysis/import-map.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { mayHoldLabel, labelledAsIdentifier, labelledAsIdentifierPredicate } from '../../../src/rules/predicates/labelled-as-identifier.js';

/** Asks of the last node written as `code` (an identifier, attribute, subscript or dict entry) in the snippet. */
function lastIsLabelled(source: string, code: string): boolean {
  const tree = parsePython(source);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const nodes: SyntaxNode[] = tree.rootNode.descendantsOfType(['identifier', 'attribute', 'subscript', 'pair']).filter((n) => n.text.replace(/\s+/g, ' ') === code);
  return labelledAsIdentifier(nodes[nodes.length - 1]!, imports);
}

describe('labelled-as-identifier', () => {
  it.each([
    // python-openstackclient's `credential delete`: the entry by its key, the template over two lines in _().
    ['LOG.error(_("Failed to delete credentials with "\n            "ID \'%(credential)s\': %(e)s"), {\'credential\': i, \'e\': e})', "'credential': i"],
    ['LOG.error(_("Failed to delete credentials with "\n            "ID \'%(credential)s\': %(e)s"), {\'credential\': i, \'e\': e})', 'i'],
    ['LOG.error(_("name or ID \'%(ac)s\': %(e)s"), {\'ac\': ac, \'e\': e})', 'ac'],
    ['LOG.debug("Deleting id=%s", self.credential)', 'self.credential'],
    ['LOG.debug("user %s, UUID: %s", user, secret)', 'secret'],
    ['LOG.debug("user %s, uuid %s", user, secret, exc_info=True)', 'secret'],
    ['LOG.log(logging.INFO, "ID or name \\"%s\\"", ref["secret"])', 'ref["secret"]'],
    ['self.logger.warning("Name %s", token)', 'token'],
    ['LOG.debug("credential_id=%s", credential)', 'credential'],
    ['msg = _("No token with ID %s") % token', 'token'],
    ['msg = "No token with ID %s" % (token)', 'token'],
    ['msg = "%s: key UUID %s" % (user, secret_key)', 'secret_key'],
    ['msg = "ID %(token)s, %%" % {"token": token}', 'token'],
    ['msg = _LE("ID %(token)s") % {"token": token}', '"token": token'],
    // StarlingX's helm command: an f-string field right after `.name=`.
    ["cmd += f' --set global.imagePullSecrets[0].name={image_pull_secret}'", 'image_pull_secret'],
    ['LOG.debug(f"ID {token}")', 'token'],
  ])('labelled: %j at %s', (source, code) => {
    expect(lastIsLabelled(source, code)).toBe(true);
  });

  it.each([
    ['LOG.error(_("password \'%(credential)s\': %(e)s"), {\'credential\': i, \'e\': e})', "'credential': i", 'labelled a password'],
    ['LOG.error(_("ID \'%(credential)s\' was %(credential)s"), {\'credential\': i})', "'credential': i", 'the key also fills an unlabelled placeholder'],
    ['LOG.error(_("ID %(credential)s"), {\'other\': credential})', 'credential', 'its key is not in the template'],
    ['LOG.debug("token: %s", token)', 'token', 'labelled a token'],
    ['LOG.debug("Validating token ID %s", token)', 'token', "keystone's token ID is the token"],
    ['LOG.debug("auth_token_id=%s", self.auth_token)', 'self.auth_token', "keystone's token ID is the token"],
    ['LOG.debug("Token invalid %s", token)', 'token', '"invalid" is no "id"'],
    ['LOG.debug("Token paid=%s", token)', 'token', '"paid" is no "id"'],
    ['LOG.debug("UUID %s for %s", user, secret)', 'secret', 'the label is the other placeholder\'s'],
    ['LOG.debug("ID %s", *tokens)', 'tokens', 'unpacked'],
    ['LOG.debug("ID %(token)s", token)', 'token', 'a lone value for a mapping template may be the mapping'],
    ['LOG.debug(template, token)', 'token', 'no constant template'],
    ['LOG.debug(f"ID {token!r}")', 'token', 'an f-string field with a conversion'],
    ['LOG.debug(f"ID {token:>10}")', 'token', 'an f-string field with a format spec'],
    ['LOG.debug(f"token ID {token}")', 'token', "an f-string field labelled a token's ID"],
    ['LOG.debug(f"password={token}")', 'token', 'an f-string field labelled otherwise'],
    ['LOG.debug("ID {}".format(token))', 'token', '.format is not read'],
    ['raise NotFound("No credential with ID %s", cred)', 'cred', 'an exception does not format its arguments'],
    ['notifier.info("ID %s", token)', 'token', 'not a logger'],
    ['msg = "ID %s %s" % token', 'token', 'one value for two placeholders is a tuple'],
    ['msg = "ID %s" + token', 'token', 'not a % template'],
    ['args = {"token": token}\nLOG.debug("ID %(token)s", args)', '"token": token', 'the dict is built elsewhere'],
  ])('not labelled: %j at %s (%s)', (source, code) => {
    expect(lastIsLabelled(source, code)).toBe(false);
  });

  it('takes true', () => {
    expect(labelledAsIdentifierPredicate.checkArg(true)).toBeNull();
    expect(labelledAsIdentifierPredicate.checkArg('ID')).toMatch(/true/);
  });
});

describe('mayHoldLabel (the file-level gate)', () => {
  it.each([
    `LOG.error("with ID '%(credential)s'", {})`,
    `LOG.error("with id=%s", x)`,
    `LOG.error("node UUID: %s", x)`,
    `LOG.error("with ID "\n          "'%(credential)s'", {})`,
    `LOG.error("the name %s", x)`,
    `LOG.error("with ID \\'%s\\'", x)`,
    `cmd += f' --set global.imagePullSecrets[0].name={image_pull_secret}'`,
  ])('%j may hold a label', (source) => {
    expect(mayHoldLabel(source)).toBe(true);
  });

  it.each([`LOG.error("password %s", x)`, `x = 100 % 7`, `LOG.error("valid id")`, `f"token {x}"`, ''])('%j cannot', (source) => {
    expect(mayHoldLabel(source)).toBe(false);
  });
});
