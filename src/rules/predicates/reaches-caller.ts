import type { ImportMap } from '../../analysis/import-map.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { type Bindings, expectTrue, type Predicate } from './predicate.js';

/** Nodes a value passes through unchanged in meaning on its way out: containers and formatting. */
const CARRIERS = new Set([
  'parenthesized_expression', 'tuple', 'list', 'dictionary', 'pair', 'expression_list', 'keyword_argument',
  'binary_operator', 'concatenated_string', 'string', 'interpolation', 'conditional_expression', 'argument_list',
]);

/** Calls that build a container around their arguments rather than consume them. */
const CONTAINER_CALLS = new Set(['dict', 'list', 'tuple', 'set', '_', 'format']);

/**
 * Callees, by last name, that answer an HTTP request with their arguments: webob faults
 * (`HTTPBadRequest(explanation=…)`), Flask/Django/Pyramid/aiohttp responses, `jsonify`, `abort`.
 */
export const RESPONSE_CALLEE = /^(HTTP[A-Z]\w*|\w*Response|jsonify|make_response|abort|\w*Fault|json_response)$/;

/** Parameters that make a function a request handler: webob/Django/Flask requests, WSGI's environ. */
const REQUEST_PARAMS = new Set(['req', 'request', 'environ']);

/** Decorators that route requests to a function: `@app.route`, `@bp.get`, `@api_view`, `@expose`, `@view_config`. */
export const ROUTE_DECORATOR = /^@\s*(?:[\w.]+\.)?(?:route|get|post|put|patch|delete|api_view|expose|view_config)\b/;

/**
 * True when a `return` answers an HTTP request, so its value reaches the client: the function
 * takes a request (`req`, `request`, `environ`) or is routed by a decorator, or the return carries
 * an HTTP status after the body, as Flask's and Django REST's tuples do (`return {...}, 500`,
 * `return body, 404, headers`). A status first (`return (400, e.message, [])`, cloudpulse's client
 * wrappers) is a helper's result for Python code, as any other return is: it may be logged.
 */
function answersRequest(statement: SyntaxNode): boolean {
  const value = statement.namedChild(0);
  const parts = value && (value.type === 'expression_list' || value.type === 'tuple') ? value.namedChildren : [];
  if (parts.slice(1).some((p) => p.type === 'integer' && Number(p.text) >= 100 && Number(p.text) <= 599)) return true;
  let fn: SyntaxNode | null = statement.parent;
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

/**
 * Where the value of `node` goes to a client: `'the response returned'` by a request handler, the
 * response constructor it is passed to (`'HTTPBadRequest(...)'`), or null. Walks up through
 * containers and string formatting only; any other call may consume the value, so the trail stops.
 */
export function callerSink(node: SyntaxNode, imports: ImportMap): string | null {
  for (let n: SyntaxNode | null = node, parent = node.parent; parent; n = parent, parent = parent.parent) {
    if (parent.type === 'return_statement') return answersRequest(parent) ? 'the response returned' : null;
    if (parent.type === 'call') {
      // Only as an argument: a value in the callee position (`e.format()`) is being called.
      if (parent.childForFieldName('arguments')?.startIndex !== n.startIndex) return null;
      const fn = parent.childForFieldName('function');
      const name = fn ? imports.qualifiedName(fn) : null;
      if (name === null) return null;
      const last = name.slice(name.lastIndexOf('.') + 1);
      if (RESPONSE_CALLEE.test(last)) return `${fn!.text}(...)`;
      if (!CONTAINER_CALLS.has(last)) return null;
      continue;
    }
    if (!CARRIERS.has(parent.type)) return null;
  }
  return null;
}

/** The captured value is returned by a request handler, or passed to an HTTP response or fault, through containers only; binds `{sink}`. */
export const reachesCaller: Predicate = {
  name: 'reaches-caller',
  description:
    'The captured value leaves for the client: it is (part of) the `return` value of a request handler (a `req`/`request`/`environ` parameter, a routing decorator, or an HTTP status returned after the body: `return {...}, 500`), or an argument of an HTTP response or fault constructor (`webob.exc.HTTP*`, `*Response`, `jsonify`, `abort`, `*Fault`), reached through containers and string formatting only; binds `{sink}` to "the response returned" or the constructor.',
  binds: ['sink'],
  checkArg: expectTrue,
  test(node, _arg, ctx): boolean | Bindings {
    const sink = callerSink(node, ctx.imports);
    return sink === null ? false : { sink };
  },
};
