import type { ImportMap } from '../../analysis/import-map.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { returnStatements } from '../../analysis/flow/return-values.js';
import { unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { searchScope } from './is-server-context.js';
import { matchesNamePattern } from './name-pattern.js';
import { moduleDefinition } from './receives-own-method.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Calls that return a socket already bound and listening. */
const LISTENERS = ['eventlet.listen', 'socket.create_server', 'eventlet.green.socket.create_server'];
/** Methods that make a socket a client's: whatever else was done to it, it talks to one server. */
const CONNECTS = new Set(['connect', 'connect_ex']);
/** Same-file functions followed this deep (`get_socket()` returning `eventlet.listen(...)`). */
const MAX_FUNCTION_HOPS = 1;


class ListeningSearch {
  /** Names (by scope and spelling) already asked about: copies that loop (`a = b` … `b = a`) end. */
  private readonly asked = new Set<string>();

  constructor(private readonly imports: ImportMap) {}

  listening(node: SyntaxNode, functionHops: number): boolean {
    const n = unwrapParens(node);
    if (n.type === 'call') return this.listenerCall(n, functionHops);
    if (n.type !== 'identifier' && n.type !== 'attribute') return false;
    const scope = searchScope(n);
    if (!scope) return false;
    const name = n.text;
    const key = `${idOf(scope)}:${name}`;
    if (this.asked.has(key)) return false;
    this.asked.add(key);
    let listens = false;
    let connects = false;
    walkDescendants(scope, (d) => {
      if (d.type === 'call') {
        const fn = d.childForFieldName('function');
        const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
        if (receiver && unwrapParens(receiver).text === name) {
          const method = fn!.childForFieldName('attribute')?.text ?? '';
          if (method === 'listen') listens = true;
          else if (CONNECTS.has(method)) connects = true;
        }
      } else if (d.type === 'assignment' && !listens) {
        const left = d.childForFieldName('left');
        const right = d.childForFieldName('right');
        if (left && right && unwrapParens(left).text === name && this.listening(right, functionHops)) listens = true;
      }
      return !connects;
    });
    return listens && !connects;
  }

  /** `eventlet.listen(...)`, or a same-file function every `return` of which gives a listening socket. */
  private listenerCall(call: SyntaxNode, functionHops: number): boolean {
    const callee = call.childForFieldName('function');
    if (!callee) return false;
    const name = this.imports.qualifiedName(callee);
    if (name !== null && matchesNamePattern(name, LISTENERS)) return true;
    if (callee.type !== 'identifier' || this.imports.bindingOf(callee.text) !== undefined || functionHops >= MAX_FUNCTION_HOPS) return false;
    const fn = moduleDefinition(call, 'function_definition', callee.text);
    // A bare `return` gives None: no socket.
    const values = fn ? returnStatements(fn).map((r) => r.namedChildren[0] ?? null) : [];
    return values.length > 0 && values.every((v) => v !== null && this.listening(v, functionHops + 1));
  }
}

/**
 * True when `node` (the socket given to `ssl.wrap_socket`) is a listening socket: built by
 * `eventlet.listen(...)` / `socket.create_server(...)`, or a name (`self.x`: searched in its class)
 * that its function assigns from one, from a copy of one, or from a same-file function whose every
 * `return` gives one (one level), or on which `.listen(` is called there. A name that is also
 * `.connect(`ed there is a client's. `.bind(` alone is no sign: a client binds its source address,
 * and an unconnected socket is often wrapped first and connected after.
 */
export function holdsListeningSocket(node: SyntaxNode, imports: ImportMap): boolean {
  return new ListeningSearch(imports).listening(node, 0);
}

/** The capture is a listening socket: see holdsListeningSocket. */
export const holdsListeningSocketPredicate: Predicate = {
  name: 'holds-listening-socket',
  description:
    "The captured socket listens: it is `eventlet.listen(...)` or `socket.create_server(...)`, or a name that its function (its class for `self.sock`) assigns from one, from a copy of one, or from a same-file function every `return` of which gives one (followed one level), or on which it calls `.listen(`; a name it also `.connect(`s is not. Use under `not:`: wrapping a listening socket makes a TLS server, whose accepted connections are server ends.",
  checkArg: expectTrue,
  // No condition: what it reads lies outside the captured node.
  test: (node, _arg, ctx) => holdsListeningSocket(node, ctx.imports),
};
