import { isServerContextPredicate } from '../../../src/rules/predicates/is-server-context.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

/** Tests the object of the last `X.verify_mode = …` / `X.check_hostname = …` / `X.set_verify(…)` in the snippet. */
const isServer = (source: string) => {
  const tree = parsePython(source);
  const targets = tree.rootNode
    .descendantsOfType('attribute')
    .filter((a) => ['verify_mode', 'check_hostname', 'set_verify'].includes(a.childForFieldName('attribute')!.text));
  const object = targets[targets.length - 1]!.childForFieldName('object')!;
  return isServerContextPredicate.test(object, true, { path: 'app.py', imports: new ImportMap() });
};

describe('is-server-context', () => {
  it.each([
    ['ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\nctx.verify_mode = ssl.CERT_NONE\n', 'built with PROTOCOL_TLS_SERVER'],
    ['def f():\n    ctx = ssl.create_default_context(\n        ssl.Purpose.CLIENT_AUTH)\n    ctx.check_hostname = False\n', 'built to authenticate clients'],
    ['def f():\n    ctx = ssl.create_default_context(purpose=Purpose.CLIENT_AUTH, cafile=c)\n    ctx.verify_mode = CERT_NONE\n', 'the purpose as a keyword'],
    ['def f(sock):\n    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)\n    ctx.verify_mode = ssl.CERT_NONE\n    return ctx.wrap_socket(sock, server_side=True)\n', 'wrapped for the server end after'],
    ['def f(sock):\n    ctx = make()\n    ctx.verify_mode = ssl.CERT_NONE\n    return ctx.wrap_bio(i, o, server_side=True)\n', 'a BIO for the server end'],
    ['class P:\n    def __init__(self):\n        self.ctx = SSL.Context(SSL.TLS_SERVER_METHOD)\n    def go(self):\n        self.ctx.set_verify(SSL.VERIFY_NONE, None)\n', 'a pyOpenSSL server context built in another method'],
    ['ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).verify_mode = ssl.CERT_NONE\n', 'built in the expression itself'],
    ["def f():\n    ctx = utils.create_ssl_context('server')\n    ctx.verify_mode = ssl.CERT_NONE\n", "a project's builder told 'server' (ironic-python-agent)"],
  ])('%s: %s', (source) => expect(isServer(source)).toBe(true));

  it.each([
    ['ctx = ssl.create_default_context()\nctx.verify_mode = ssl.CERT_NONE\n', 'a default (client) context'],
    ['def f(sock, h):\n    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n    ctx.check_hostname = False\n    return ctx.wrap_socket(sock, server_hostname=h)\n', 'a client context'],
    ['def f(sock):\n    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)\n    ctx.verify_mode = ssl.CERT_NONE\n    return ctx.wrap_socket(sock, server_side=False)\n', 'wrapped for the client end'],
    ['def f():\n    ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)\n    ctx.verify_mode = ssl.CERT_NONE\n', 'built to authenticate servers'],
    ['def f():\n    listener = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)\n    ctx = ssl.create_default_context()\n    ctx.verify_mode = ssl.CERT_NONE\n', 'another name is the server context'],
    ['def f():\n    server = SSLContext(PROTOCOL_TLS_SERVER)\n\ndef g():\n    server = ssl.create_default_context()\n    server.verify_mode = CERT_NONE\n', 'the same name in another function'],
    ['class C:\n    def __init__(self):\n        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n    def go(self, sock):\n        self.ctx.verify_mode = ssl.CERT_NONE\n        return self.ctx.wrap_socket(sock, server_side=self.server)\n', 'server_side not known to be True'],
    ["def f(hostname):\n    ctx = utils.create_ssl_context('client', 'server.example')\n    ctx.verify_mode = ssl.CERT_NONE\n", "a builder told 'client' (a server's name is not the word)"],
  ])('%s: %s is not', (source) => expect(isServer(source)).toBe(false));
});
