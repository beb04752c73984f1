import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';
import { ROUTE_DECORATOR } from './reaches-caller.js';

/** Parameters that make a function a request handler: webob/Django/Flask requests, WSGI's environ. */
const REQUEST_PARAMS = new Set(['req', 'request', 'environ']);

/**
 * True when the function around `node` (the innermost) answers HTTP requests: it takes a request
 * (`req`, `request`, `environ`, typed or with a default) or a routing decorator names it
 * (`@app.route`, `@expose`…). Unlike `reaches-caller`, a returned HTTP status does not count:
 * REST clients return `(status, body)` pairs too.
 */
export function inRequestHandler(node: SyntaxNode): boolean {
  let fn: SyntaxNode | null = node;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return false;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  if (params.some((p) => REQUEST_PARAMS.has(parameterName(p)))) return true;
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
  return !!decorated?.namedChildren.some((d) => d.type === 'decorator' && ROUTE_DECORATOR.test(d.text));
}

/** The name a parameter binds: `req`, `req=None`, `req: Request`, `req: Request = None`. */
function parameterName(parameter: SyntaxNode): string {
  if (parameter.type === 'identifier') return parameter.text;
  const name = parameter.childForFieldName('name') ?? parameter.namedChild(0);
  return name?.type === 'identifier' ? name.text : '';
}

/** The capture is inside a request handler (by its parameters or a routing decorator). */
export const inRequestHandlerPredicate: Predicate = {
  name: 'in-request-handler',
  description:
    'The capture is inside a function that answers HTTP requests: it takes a `req`, `request` or `environ` parameter, or a routing decorator names it (`@app.route`, `@bp.get`, `@expose`, `@view_config`, `@api_view`); a returned status code alone does not count.',
  checkArg: expectTrue,
  test: (node) => inRequestHandler(node),
};
