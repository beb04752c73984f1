import { ImportMap } from '../../../src/analysis/import-map.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { holdsPath, usedAsPath, usedAsPathPredicate } from '../../../src/rules/predicates/used-as-path.js';

/** Asks of the last read of `name` (an identifier or attribute written as `name`) in the snippet. */
function lastUseIsPath(source: string, name: string): boolean {
  const tree = parsePython(source);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const uses = tree.rootNode.descendantsOfType(['identifier', 'attribute']).filter((n) => n.text.replace(/\s+/g, '') === name);
  return usedAsPath(uses[uses.length - 1]!, imports);
}

describe('used-as-path', () => {
  it.each([
    // octavia's local certificate generator.
    ['def f():\n    with open(CONF.certificates.ca_private_key, "rb") as fp:\n        fp.read()\n    log(CONF.certificates.ca_private_key)\n', 'CONF.certificates.ca_private_key'],
    ['import io\ndef f(private_key):\n    io.open(private_key)\n    log(private_key)\n', 'private_key'],
    ['from io import open as io_open\ndef f(private_key):\n    io_open(private_key)\n    log(private_key)\n', 'private_key'],
    ['import os\ndef f(private_key):\n    fd = os.open(private_key, os.O_RDONLY)\n    log(private_key)\n', 'private_key'],
    ['import os.path as osp\ndef f(self):\n    if not osp.isfile(self.private_key):\n        log(self.private_key)\n', 'self.private_key'],
    ['import os\ndef f(self):\n    size = os.path.getsize(self.conf.token)\n    log(self.conf.token)\n', 'self.conf.token'],
    ['import os\ndef f(secret):\n    os.stat(secret)\n    log(secret)\n', 'secret'],
    ['from pathlib import Path\ndef f(api_token):\n    Path(api_token).read_text()\n    log(api_token)\n', 'api_token'],
    ['import shutil\ndef f(signing_key, dest):\n    shutil.copyfile(signing_key, dest)\n    log(signing_key)\n', 'signing_key'],
    ['import shutil\ndef f(src, signing_key):\n    shutil.copy2(src, signing_key)\n    log(signing_key)\n', 'signing_key'],
    ['def f(password):\n    open(file=password)\n    log(password)\n', 'password'],
    // Used before it is opened, or split over lines: still the path.
    ['def f():\n    log(CONF.ssl.key_password)\n    open(CONF.ssl\n         .key_password)\n', 'CONF.ssl.key_password'],
    // Assigned before it is used as the path: the path all along.
    ['def f():\n    private_key = CONF.ssl.private_key\n    open(private_key)\n    log(private_key)\n', 'private_key'],
    // networking-baremetal: a function named for loading or setting a file, and key-file keywords.
    ['def f(stream):\n    stream.Stream.ssl_set_private_key_file(CONF.ovn.private_key)\n    log(CONF.ovn.private_key)\n', 'CONF.ovn.private_key'],
    ['def f(ctx, cert, private_key):\n    ctx.load_cert_chain(certfile=cert, keyfile=private_key)\n    log(private_key)\n', 'private_key'],
    // Key and certificate loaders by method name, positionally: httplib2's add_certificate (ec2-api), ssl's.
    ['def f(h, addr):\n    h.add_certificate(CONF.metadata.nova_client_priv_key, CONF.metadata.cert, addr)\n    log(CONF.metadata.nova_client_priv_key)\n', 'CONF.metadata.nova_client_priv_key'],
    ['def f(ctx, cert, private_key):\n    ctx.load_cert_chain(cert, private_key)\n    log(private_key)\n', 'private_key'],
    // kolla-ansible: a function named for testing a file, given an alias of the option.
    ['import os\ndef f(parsed_args):\n    if parsed_args.kolla_passwords:\n        passwd_file = parsed_args.kolla_passwords\n    else:\n        passwd_file = os.path.join(parsed_args.config, "passwords.yml")\n    result = utils.is_readable_file(passwd_file)\n    log(parsed_args.kolla_passwords)\n', 'parsed_args.kolla_passwords'],
    ['def f(token_file):\n    if not file_exists(token_file):\n        log(token_file)\n', 'token_file'],
    ['def f(secret):\n    check_path(secret)\n    log(secret)\n', 'secret'],
    // Assigned again only in the other branch of the `if` that opens it.
    ['def f(conf):\n    if conf.ssl:\n        key = conf.private_key\n        open(key)\n        log(key)\n    else:\n        key = None\n', 'key'],
  ])('names a file: %j', (source, name) => {
    expect(lastUseIsPath(source, name)).toBe(true);
  });

  it.each([
    ['def f(password):\n    p = password\n    send(p)\n    log(password)\n', 'password', 'an alias, not used as a path'],
    ['def f(password):\n    a = password\n    b = a\n    open(b)\n    log(password)\n', 'password', 'an alias of an alias: one level only'],
    ['def f(password):\n    p = password.strip()\n    open(p)\n    log(password)\n', 'password', 'a value derived from it, not the same value'],
    ['def f(password):\n    if is_valid_password(password):\n        log(password)\n', 'password', 'a test not named for a file'],
    ['def f(h, cert, key):\n    h.add_certificate(cert, key, CONF.metadata.auth_token)\n    log(CONF.metadata.auth_token)\n', 'CONF.metadata.auth_token', "add_certificate's third argument, a domain"],
    ['def f(conf, key):\n    if conf.ssl:\n        open(key)\n    else:\n        pass\n    if conf.inline:\n        key = conf.key_text\n    log(key)\n', 'key', 'assigned again after, under another `if`'],
    ['def f(password_file):\n    password = open(password_file).read()\n    log(password)\n', 'password', 'read from the file: the content'],
    ['def f(private_key):\n    with open(private_key) as f:\n        private_key = f.read()\n    log(private_key)\n', 'private_key', 'rebound to the content after the open'],
    ['def f(token, path):\n    if token == path:\n        log(token)\n', 'token', 'compared to a path only'],
    ['def f(token, path):\n    open(path, "w").write(token)\n    log(token)\n', 'token', 'written into the file, not its path'],
    ['def f(stream, secret, path):\n    stream.write_secret_to_file(secret, path)\n    log(secret)\n', 'secret', 'written to a file by a function not named for loading one'],
    ['def f(stream, token):\n    stream.set_token(token)\n    log(token)\n', 'token', 'a setter not named for a file'],
    ['import os\ndef f(token):\n    p = os.path.join(DIR, token)\n    log(token)\n', 'token', 'a part joined into a path may be a secret file name'],
    ['def g():\n    open(CONF.ssl.private_key)\n\ndef f():\n    log(CONF.ssl.private_key)\n', 'CONF.ssl.private_key', 'opened by another function'],
    ['def f(private_key):\n    def g():\n        open(private_key)\n    log(private_key)\n', 'private_key', 'opened by a nested function'],
    ['def f(self):\n    open(self.conf.private_key)\n    log(self.private_key)\n', 'self.private_key', 'another attribute'],
    ['def f(private_key):\n    opener.open(private_key)\n    log(private_key)\n', 'private_key', 'a method named open is not a file call'],
    ['def f(mode, private_key):\n    open(PATH, private_key)\n    log(private_key)\n', 'private_key', "open's second argument is no path"],
    ['import shutil\ndef f(secret, out):\n    shutil.copyfileobj(secret, out)\n    log(secret)\n', 'secret', 'copyfileobj copies an open file'],
  ])('does not name a file: %j (%s)', (source, name) => {
    expect(lastUseIsPath(source, name)).toBe(false);
  });

  /** Asks of the first node of `type` whose text is `text` in the snippet (see holdsPath). */
  function holds(source: string, type: string, text: string): boolean {
    const tree = parsePython(source);
    const imports = new ImportMap();
    for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
    return holdsPath(tree.rootNode.descendantsOfType(type).find((n) => n.text === text)!, imports);
  }

  // infrared's ssh_to_host: the key file's path, tested with os.access, written as ssh's `-i` option.
  const INFRARED =
    'import os\ndef f(host, inventory_file):\n    cmd_fields = {}\n    priv_key = get_var(host, "private_key_file")\n' +
    '    priv_key = os.path.join(os.path.dirname(inventory_file),\n                            priv_key)\n' +
    '    if not os.access(priv_key, os.R_OK):\n        raise IOError(priv_key)\n    if priv_key:\n' +
    '        cmd_fields["priv_key"] = "-i {}".format(priv_key)\n    else:\n        cmd_fields["priv_key"] = ""\n';

  it.each([
    [INFRARED, 'subscript', 'cmd_fields["priv_key"]', 'an entry written with the path in a .format() option'],
    [INFRARED, 'call', '"-i {}".format(priv_key)', 'the option itself'],
    ['import os\ndef f(key):\n    if os.path.exists(key):\n        d = {}\n        d["priv_key"] = "-i %s" % key\n', 'subscript', 'd["priv_key"]', '`%` with one value'],
    ['import os\ndef f(key, port):\n    os.stat(key)\n    x = "-i %s -p %d" % (key, 22)\n', 'binary_operator', '"-i %s -p %d" % (key, 22)', '`%` with a tuple of the path and constants'],
    ['def f(key):\n    open(key)\n    x = f"-o IdentityFile={key}"\n', 'string', 'f"-o IdentityFile={key}"', 'an f-string'],
    ['def f(key):\n    open(key)\n    x = "-i " + key\n', 'binary_operator', '"-i " + key', '`+`'],
    ['def f(self):\n    open(self.key_path)\n    x = "-i {k}".format(k=self.key_path)\n', 'call', '"-i {k}".format(k=self.key_path)', 'a keyword of .format(), an attribute'],
    ['def f(key):\n    open(key)\n    d = {}\n    d["password"] = (key)\n', 'subscript', 'd["password"]', 'the name itself written'],
  ])('holds a path: %#, %s', (source, type, text) => {
    expect(holds(source, type, text)).toBe(true);
  });

  it.each([
    ['def f(key):\n    d = {}\n    d["priv_key"] = "-i {}".format(key)\n', 'subscript', 'd["priv_key"]', 'a value never used as a path'],
    ['def f(key, token):\n    open(key)\n    d = {}\n    d["priv_key"] = "-i {} {}".format(key, token)\n', 'subscript', 'd["priv_key"]', 'a value not known beside the path'],
    ['def f(key, tmpl):\n    open(key)\n    x = tmpl.format(key)\n', 'call', 'tmpl.format(key)', 'a template not constant'],
    ['def f(key, opts):\n    open(key)\n    x = "-i {} {}".format(key, *opts)\n', 'call', '"-i {} {}".format(key, *opts)', 'a splat'],
    ['def f(key):\n    open(key)\n    x = fmt % key\n', 'binary_operator', 'fmt % key', 'a `%` template not constant'],
    ['def f(key):\n    with open(key) as fh:\n        key = fh.read()\n    d = {}\n    d["priv_key"] = "-i {}".format(key)\n', 'subscript', 'd["priv_key"]', 'rebound to the content after the open'],
    ['def f(key):\n    open(key)\n    d = {}\n    log(d["priv_key"])\n', 'subscript', 'd["priv_key"]', 'a read, not a write'],
    ['def f(key):\n    open(key)\n    d = {}\n    d["priv_key"], x = key, 1\n', 'subscript', 'd["priv_key"]', 'an unpacking'],
    ['def f(key):\n    open(key)\n    x = "-i {}".format("a")\n', 'call', '"-i {}".format("a")', 'constants only: no path'],
  ])('does not hold a path: %#, %s', (source, type, text) => {
    expect(holds(source, type, text)).toBe(false);
  });

  it('takes true', () => {
    expect(usedAsPathPredicate.checkArg(true)).toBeNull();
    expect(usedAsPathPredicate.checkArg(['open'])).toMatch(/true/);
  });
});
