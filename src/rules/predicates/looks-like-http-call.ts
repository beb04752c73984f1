import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

/**
 * Packages whose calls talk HTTP or TLS: a call resolving into one is a client call whatever its
 * name (`from requests import get as fetch`). A package whose name ends in `client`
 * (novaclient, glanceclient, swiftclient…) counts too.
 */
const HTTP_PACKAGES = new Set(['requests', 'httpx', 'urllib3', 'aiohttp', 'keystoneauth1', 'botocore', 'boto3', 'hvac', 'zvmconnector', 'openstack', 'websocket', 'websockets', 'kubernetes', 'docker']);

/** Words that make a called name a client's (`ZVMConnector`, `HttpSession`, `_do_api_call`, `TLSConfig`). */
const CLIENT_WORDS = new Set(['request', 'requests', 'session', 'sessions', 'client', 'connector', 'connection', 'connect', 'adapter', 'transport', 'http', 'https', 'rest', 'api', 'ssl', 'tls', 'urlopen', 'urlretrieve', 'websocket']);

/** HTTP verbs, which a name must end with (`get`, `_post`, `safe_get`; not `get_ondisk_files`). */
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
/** Words allowed before a verb: `do_get`, `safe_get`, `raw_request`, `async_post`. */
const VERB_PREFIXES = new Set(['do', 'safe', 'raw', 'send', 'make', 'async', 'sync', 'retry', 'try']);

/**
 * Words that make the object a method is called on an HTTP session (`self.session.send`,
 * `http.fetch`). Not `client`: an API client's own methods (`client.deserialize(data, verify=…)`)
 * are not requests, and its verbs (`client.get`) count by name.
 */
const RECEIVER_WORDS = new Set(['session', 'sess', 'http', 'https', 'requests', 'httpx', 'adapter', 'transport']);

/** Keywords only HTTP requests take (requests' and httpx's). */
const REQUEST_KEYWORDS = new Set(['headers', 'proxies', 'params', 'cookies', 'cert', 'allow_redirects', 'json']);

/** Words naming a URL (`url`, `base_url`, `self._endpoint`, `build_uri(...)`). */
const URL_WORDS = new Set(['url', 'urls', 'uri', 'endpoint']);
const URL_LITERAL = /^[rbuf]*(['"]{1,3})https?:\/\//i;

/**
 * The lower-case words of a callee's name, acronyms split off and digits kept: `ZVMConnector` →
 * zvm, connector; `_get_ondisk_files` → get, ondisk, files (secret-names' nameWords keeps
 * `zvmconnector` whole and drops digits, which its own tests rely on).
 */
export function calleeWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/_+/)
    .filter((w) => w.length > 0);
}

/** The last name of an identifier, an attribute chain or a call's callee (`get_session()` → get_session); null otherwise. */
function lastName(node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  if (n.type === 'identifier') return n.text;
  if (n.type === 'attribute') return n.childForFieldName('attribute')?.text ?? null;
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    return fn ? lastName(fn) : null;
  }
  return null;
}

function hasWord(node: SyntaxNode | null | undefined, words: ReadonlySet<string>): boolean {
  const name = node ? lastName(node) : null;
  return name !== null && calleeWords(name).some((w) => words.has(w));
}

function isVerbLike(name: string): boolean {
  const words = calleeWords(name);
  const last = words[words.length - 1];
  return last !== undefined && VERBS.has(last) && words.slice(0, -1).every((w) => VERB_PREFIXES.has(w) || CLIENT_WORDS.has(w));
}

function resolvesIntoHttpPackage(node: SyntaxNode, imports: ImportMap): boolean {
  const name = imports.qualifiedName(unwrapParens(node));
  const root = name?.split('.')[0];
  return root !== undefined && (HTTP_PACKAGES.has(root) || (root.length > 6 && root.endsWith('client')));
}

/** The callee's name and object, seen through `functools.partial(f, ...)` and `getattr(obj, name)`. */
function calleeParts(call: SyntaxNode, imports: ImportMap): { callee: SyntaxNode; object: SyntaxNode | null } | null {
  const fn = call.childForFieldName('function');
  if (!fn) return null;
  const callee = unwrapParens(fn);
  if (callee.type === 'call') {
    const inner = callee.childForFieldName('function');
    const first = callee.childForFieldName('arguments')?.namedChildren.find((c) => c.type !== 'comment');
    const innerName = inner ? imports.qualifiedName(inner) : null;
    // getattr(self.session, method)(url, ...): the method of a known object, name unknown.
    if (innerName === 'getattr' && first) return { callee: first, object: first };
  }
  if (callee.type === 'identifier' || callee.type === 'attribute') {
    const name = imports.qualifiedName(callee);
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    // partial(requests.get, verify=False): the partial stands for its first argument.
    if ((name === 'functools.partial' || name === 'partial') && args[0] && args[0].type !== 'keyword_argument') return { callee: args[0], object: null };
  }
  return { callee, object: callee.type === 'attribute' ? callee.childForFieldName('object') : null };
}

function namesUrl(arg: SyntaxNode): boolean {
  const n = unwrapParens(arg);
  if (n.type === 'keyword_argument') {
    const key = n.childForFieldName('name')?.text ?? '';
    const value = n.childForFieldName('value');
    return calleeWords(key).some((w) => URL_WORDS.has(w)) || (value !== null && namesUrl(value));
  }
  if (n.type === 'string' || n.type === 'concatenated_string' || n.type === 'binary_operator') return URL_LITERAL.test(n.text);
  return hasWord(n, URL_WORDS);
}

/**
 * True when a call plausibly talks HTTP(S), so that its `verify=False` is TLS verification: its
 * callee resolves into an HTTP or TLS package; its name is a client's (`Session`, `ZVMConnector`,
 * `TLSConfig`) or an HTTP verb (`get`, `self._request`); it is a method of a session-named object
 * (`self.session.send`); or it passes a keyword only requests take (`headers=`, `proxies=`) or a
 * URL (`url`, `'https://…'`). `self.get_ondisk_files(files, verify=False)` and
 * `Model.deserialize(data, verify=False)` are none of these.
 */
export function looksLikeHttpCall(call: SyntaxNode, imports: ImportMap): boolean {
  const n = unwrapParens(call);
  if (n.type !== 'call') return false;
  const parts = calleeParts(n, imports);
  if (!parts) return false;
  const { callee, object } = parts;
  if (resolvesIntoHttpPackage(callee, imports)) return true;
  const name = lastName(callee);
  if (name !== null && (isVerbLike(name) || calleeWords(name).some((w) => CLIENT_WORDS.has(w)))) return true;
  if (object && (hasWord(object, RECEIVER_WORDS) || resolvesIntoHttpPackage(object, imports))) return true;
  const args = n.childForFieldName('arguments')?.namedChildren ?? [];
  for (const arg of args) {
    if (arg.type === 'keyword_argument' && REQUEST_KEYWORDS.has(arg.childForFieldName('name')?.text ?? '')) return true;
    if (arg.type !== 'comment' && namesUrl(arg)) return true;
  }
  return false;
}

/** The capture is a call that plausibly talks HTTP(S): see looksLikeHttpCall. */
export const looksLikeHttpCallPredicate: Predicate = {
  name: 'looks-like-http-call',
  description:
    'The captured call plausibly talks HTTP(S): its callee resolves into an HTTP or TLS package (requests, httpx, urllib3, aiohttp, keystoneauth1, botocore, a `*client` package…); its name holds a client word (`Session`, `ZVMConnector`, `TLSConfig`, `_api_call`) or is an HTTP verb (`get`, `_post`, `safe_get`, `request`, not `get_ondisk_files`); it is a method of a session-named object (`self.session.send`, `http.fetch`), or of `getattr(session, m)`; or it passes `headers=`, `proxies=`, `params=`, `cookies=`, `cert=`, `allow_redirects=`, `json=` or a URL (`url`, `self.endpoint`, `"https://…"`). `functools.partial(f, …)` is judged by `f`.',
  checkArg: expectTrue,
  // No condition: what it reads (imports, names) may lie outside the words a gate could require.
  test: (node, _arg, ctx) => looksLikeHttpCall(node, ctx.imports),
};
