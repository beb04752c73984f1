import { closestOfType, unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { stringValue } from '../../analysis/string-literal.js';
import { keywordValue } from './keyword-argument.js';
import { expectTrue, type Predicate } from './predicate.js';

/**
 * Names that make a context a server's where it is built: `ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`,
 * `ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)` (a context that authenticates clients),
 * pyOpenSSL's `SSL.Context(SSL.TLS_SERVER_METHOD)`.
 */
const SERVER_MARKS = new Set(['PROTOCOL_TLS_SERVER', 'CLIENT_AUTH', 'TLS_SERVER_METHOD']);

/** Methods that, given `server_side=True`, use the context for the server end. */
const SERVER_WRAPS = new Set(['wrap_socket', 'wrap_bio']);

function namesServerMark(node: SyntaxNode): boolean {
  let found = false;
  walkDescendants(node, (d) => {
    if (found) return false;
    if (d.type === 'identifier' && SERVER_MARKS.has(d.text)) found = true;
    return !found;
  });
  return found;
}

/**
 * A call whose arguments name a server mark (`SSLContext(PROTOCOL_TLS_SERVER)`), or a project's
 * context builder told it is for the server (ironic-python-agent's `create_ssl_context('server')`).
 */
function isServerBuild(value: SyntaxNode | null): boolean {
  const n = value && unwrapParens(value);
  if (n?.type !== 'call') return false;
  const args = n.childForFieldName('arguments');
  return args !== null && (namesServerMark(args) || args.namedChildren.some((a) => a.type === 'string' && stringValue(a)?.toLowerCase() === 'server'));
}

/** Where to look for how `object` is built and used: the class for `self.x`/`cls.x`, else the function (or module). */
export function searchScope(object: SyntaxNode): SyntaxNode | null {
  const head = object.type === 'attribute' ? object.text.split('.')[0] : null;
  if (head === 'self' || head === 'cls') {
    const cls = closestOfType(object, ['class_definition']);
    if (cls) return cls;
  }
  return closestOfType(object.parent ?? object, ['function_definition', 'lambda', 'module']);
}

/**
 * True when `node`, the object whose verification is set (`ctx` in `ctx.verify_mode = CERT_NONE`),
 * is a server-side TLS context: built in that expression or, in its function (its class for a
 * `self.` attribute), assigned from a call naming `PROTOCOL_TLS_SERVER`, `Purpose.CLIENT_AUTH` or
 * `TLS_SERVER_METHOD`, or wrapped with `.wrap_socket(..., server_side=True)` / `.wrap_bio`. There
 * `CERT_NONE` only declines to ask clients for certificates.
 */
export function isServerContext(node: SyntaxNode): boolean {
  const object = unwrapParens(node);
  if (isServerBuild(object)) return true;
  if (object.type !== 'identifier' && object.type !== 'attribute') return false;
  const scope = searchScope(object);
  if (!scope) return false;
  const name = object.text;
  let found = false;
  walkDescendants(scope, (d) => {
    if (found) return false;
    if (d.type === 'assignment') {
      const left = d.childForFieldName('left');
      if (left && unwrapParens(left).text === name && isServerBuild(d.childForFieldName('right'))) found = true;
    } else if (d.type === 'call') {
      const fn = d.childForFieldName('function');
      if (fn?.type === 'attribute' && SERVER_WRAPS.has(fn.childForFieldName('attribute')?.text ?? '')) {
        const receiver = fn.childForFieldName('object');
        if (receiver && unwrapParens(receiver).text === name && keywordValue(d, 'server_side')?.type === 'true') found = true;
      }
    }
    return !found;
  });
  return found;
}

/** The capture is a server-side TLS context: see isServerContext. */
export const isServerContextPredicate: Predicate = {
  name: 'is-server-context',
  description:
    'The captured object (`ctx` in `ctx.verify_mode = ssl.CERT_NONE`) is a server-side TLS context: built there or, in its function (its class for `self.ctx`), assigned from a call naming `PROTOCOL_TLS_SERVER`, `Purpose.CLIENT_AUTH` or pyOpenSSL\'s `TLS_SERVER_METHOD` (or a builder given the string `\'server\'`: `create_ssl_context(\'server\')`), or wrapped with `ctx.wrap_socket(..., server_side=True)` (or `wrap_bio`). Use under `not:`: on a server, `CERT_NONE` means "do not ask clients for certificates".',
  checkArg: expectTrue,
  // No condition: what it reads lies outside the captured node.
  test: (node) => isServerContext(node),
};
