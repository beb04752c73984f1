import { holdsListeningSocketPredicate } from '../../../src/rules/predicates/holds-listening-socket.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const GET_SOCKET = 'import eventlet\nimport ssl\ndef get_socket(conf):\n    sock = None\n    while not sock:\n        sock = eventlet.listen((conf.host, conf.port), backlog=conf.backlog)\n    return sock\n';

/** Tests the first argument of the snippet's last `wrap_socket(...)` call. */
const listening = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const wraps = module.descendantsOfType('call').filter((c: SyntaxNode) => /wrap_socket$/.test(c.childForFieldName('function')!.text));
  const socket = wraps[wraps.length - 1]!.childForFieldName('arguments')!.namedChildren[0]!;
  return holdsListeningSocketPredicate.test(socket, true, { path: 'wsgi.py', imports });
};

describe('holds-listening-socket', () => {
  it.each([
    [GET_SOCKET + 'class Server:\n    def configure(self):\n        _sock = get_socket(self.conf)\n        self._sock = _sock\n        self.sock = ssl.wrap_socket(self._sock, certfile=c, keyfile=k)\n', 'senlin: a same-file function, a copy, then self'],
    [GET_SOCKET + 'def serve(conf):\n    return ssl.wrap_socket(get_socket(conf), certfile=c)\n', 'the same-file function called in place'],
    ['import ssl, socket\ndef serve(addr):\n    s = socket.socket()\n    s.bind(addr)\n    s.listen(5)\n    return ssl.wrap_socket(s, certfile=c)\n', 'listen() called on it'],
    ['import ssl\nfrom eventlet.green import socket as gs\ndef serve(addr):\n    s = gs.create_server(addr)\n    return ssl.wrap_socket((s), certfile=c)\n', "eventlet's green create_server, through an alias"],
    ['import ssl\nfrom eventlet import listen\nclass S:\n    def start(self):\n        self.listener = listen(("", 443))\n    def wrap(self):\n        return ssl.wrap_socket(self.listener, server_side=False)\n', 'self.x assigned in another method'],
    ['import ssl, socket\ndef serve(addr):\n    s = socket.socket()\n    s.bind(addr)\n    t = ssl.wrap_socket(s, certfile=c)\n    s.listen(5)\n    return t\n', 'listen() called after wrapping'],
  ])('%j: %s', (source) => expect(listening(source)).toBe(true));

  it.each([
    ['import ssl, socket\ndef connect(host, port):\n    s = socket.create_connection((host, port))\n    return ssl.wrap_socket(s, ca_certs=ca)\n', 'a connection'],
    ['import ssl, socket\ndef connect(host, port):\n    s = socket.socket()\n    s.bind((my_ip, 0))\n    t = ssl.wrap_socket(s, ca_certs=ca)\n    t.connect((host, port))\n    return t\n', 'bound to a source address only'],
    ['import ssl, socket\ndef connect(addr):\n    s = socket.socket()\n    s.listen(1)\n    s.connect(addr)\n    return ssl.wrap_socket(s, ca_certs=ca)\n', 'listened and connected'],
    ['import ssl\ndef wrap(sock):\n    return ssl.wrap_socket(sock, ca_certs=ca)\n', 'a parameter'],
    ['import ssl, eventlet\ndef serve(addr):\n    s = eventlet.listen(addr)\n\ndef client(addr):\n    s = eventlet.connect(addr)\n    return ssl.wrap_socket(s, ca_certs=ca)\n', 'the same name listening in another function'],
    ['import ssl, eventlet\ndef get_socket(conf, server):\n    if server:\n        return eventlet.listen(conf.addr)\n    return eventlet.connect(conf.addr)\ndef run(conf):\n    return ssl.wrap_socket(get_socket(conf, False), ca_certs=ca)\n', 'a same-file function that may return a connection'],
    ['import ssl, eventlet\ndef inner(addr):\n    return eventlet.listen(addr)\ndef outer(addr):\n    return inner(addr)\ndef run(addr):\n    return ssl.wrap_socket(outer(addr), ca_certs=ca)\n', 'two functions deep: followed one level only'],
    ['import ssl\nfrom sockets import get_socket\ndef run(conf):\n    return ssl.wrap_socket(get_socket(conf), ca_certs=ca)\n', 'an imported function'],
    ['import ssl\ndef get_socket(conf):\n    conf.listen(1)\n    return\ndef run(conf):\n    return ssl.wrap_socket(get_socket(conf), ca_certs=ca)\n', 'a function with a bare return'],
  ])('%j: %s is not', (source) => expect(listening(source)).toBe(false));
});
