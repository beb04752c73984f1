import type { ImportMap } from '../../analysis/import-map.js';
import { SECRET_NAME_TEXT } from '../../analysis/secret-names.js';
import { isLoopTarget, unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { visibleDefinitions } from './bound-to-call.js';
import { givenOnly } from './given-only-constants.js';

// cloudkitty's query parser: `tokens = itertools.chain(*[elem.split(',') for elem in v])`, then
// `for token in tokens: … raise DictInvalid('invalid key:value association {}'.format(token))`.
// A loop over every piece of a text is a lexer's walk; its `token` is a word of the text.

/** Methods that cut a string into all of its pieces. */
const SPLIT_METHODS = new Set(['split', 'rsplit', 'splitlines']);
/** Functions that cut their text argument into pieces or lexical tokens. */
const SPLIT_FUNCTIONS = ['shlex.split', 're.split', 'tokenize.tokenize', 'tokenize.generate_tokens'];
/** Functions whose result holds the elements of their arguments' collections. */
const CHAINS = ['itertools.chain', 'itertools.chain.from_iterable'];
/** Calls whose result holds the elements of their one argument. */
const COPIES = ['list', 'tuple', 'set', 'sorted', 'reversed'];
/** Names copied from one to another (`parts = pieces`) are followed this far. */
const MAX_HOPS = 3;

/** A secret word, or an Authorization header's name, in code text. */
const namesSecret = (code: string) => SECRET_NAME_TEXT.test(code) || /authori[sz]ation/i.test(code);

/**
 * True when `text` could hold a credential: a secret word in it (`CONF.admin_tokens`,
 * `req.headers['X-Auth-Token']`), or, for a name, in any value assigned to it
 * (`header = req.headers['Authorization']`).
 */
function mayHoldSecret(text: SyntaxNode, imports: ImportMap): boolean {
  const n = unwrapParens(text);
  if (namesSecret(n.text)) return true;
  if (n.type !== 'identifier') return false;
  return (visibleDefinitions(n, imports)?.definitions ?? []).some((d) => d.value !== null && namesSecret(d.value.text));
}

/**
 * True when `node` yields all the pieces of texts that hold no credential: `s.split(',')`,
 * `shlex.split(cmd)`, `itertools.chain(*[e.split(',') for e in v])`, `sorted(s.split())`, or a
 * name every definition of which is one of these.
 */
function piecesOfText(node: SyntaxNode | null, imports: ImportMap, hops: number): boolean {
  const n = node && unwrapParens(node);
  if (!n) return false;
  if (n.type === 'identifier') {
    const definitions = hops > 0 ? (visibleDefinitions(n, imports)?.definitions ?? []) : [];
    return definitions.length > 0 && definitions.every((d) => !d.adds && d.element === undefined && !isLoopTarget(d.target) && piecesOfText(d.value, imports, hops - 1));
  }
  // `[e.split(',') for e in v]` spread into a chain: the pieces of each element.
  if (n.type === 'list_comprehension' || n.type === 'generator_expression') return piecesOfText(n.childForFieldName('body'), imports, hops);
  if (n.type === 'list_splat') return piecesOfText(n.namedChildren[0] ?? null, imports, hops);
  if (n.type !== 'call') return false;
  const callee = n.childForFieldName('function');
  const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment' && a.type !== 'keyword_argument');
  const name = callee ? imports.qualifiedName(callee) : null;
  // A module's function first: `shlex.split(password)` splits its argument, not `shlex`.
  if (name && matchesNamePattern(name, SPLIT_FUNCTIONS)) return args.length > 0 && !args.some((a) => mayHoldSecret(a, imports));
  if (name && matchesNamePattern(name, CHAINS)) return args.length > 0 && args.every((a) => piecesOfText(a, imports, hops));
  if (name && matchesNamePattern(name, COPIES)) return args.length === 1 && piecesOfText(args[0]!, imports, hops);
  if (callee?.type === 'attribute' && SPLIT_METHODS.has(callee.childForFieldName('attribute')?.text ?? '')) {
    const text = callee.childForFieldName('object');
    return text !== null && !mayHoldSecret(text, imports);
  }
  return false;
}

/**
 * True when `identifier` is a bare `token` that, where it is read, is always the variable of a
 * loop over the pieces of a text holding no credential (`for token in query.split(',')`; through
 * a name, `itertools.chain` of splits, `shlex.split`, `tokenize`), or a slice of a path (see
 * isPathSegment), or `None`, or a parameter every call of the file gives such a token: a word of the text. One piece picked out (`scheme, token =
 * header.split(' ', 1)`) is not: that is how a bearer token is read; nor a slice of anything but a
 * path (`auth_header[7:]`).
 */
export function isSplitToken(identifier: SyntaxNode, imports: ImportMap, viaCaller = false): boolean {
  if (identifier.type !== 'identifier' || identifier.text !== 'token') return false;
  const definitions = visibleDefinitions(identifier, imports)?.definitions ?? [];
  const pieces = definitions.filter((d) => !(d.value && unwrapParens(d.value).type === 'none'));
  return (
    pieces.length > 0 &&
    pieces.every(
      (d) =>
        (isLoopTarget(d.target) && piecesOfText(d.value, imports, MAX_HOPS)) ||
        (!d.adds && d.element === undefined && isPathSegment(d.value, imports)) ||
        // A parameter every call of the file gives such a token (`self.register_resource(None, token)`); one caller deep.
        (d.parameter !== undefined && !viaCaller && givenOnly(identifier, (argument) => isSplitToken(unwrapParens(argument), imports, true))),
    )
  );
}

/** A name of a path (`path`, `url_path`, `request.path`): a slice of it is a segment. */
const PATH_NAME = /(^|[._])path$/;

/**
 * A slice of a path holding no credential (`path[cursor + 1:next_pos]`, the audit middleware's
 * scanner walking a request's path): one of its segments.
 */
function isPathSegment(value: SyntaxNode | null, imports: ImportMap): boolean {
  const n = value && unwrapParens(value);
  if (n?.type !== 'subscript' || n.childForFieldName('subscript')?.type !== 'slice') return false;
  const text = n.childForFieldName('value');
  return text !== null && (text.type === 'identifier' || text.type === 'attribute') && PATH_NAME.test(text.text) && !mayHoldSecret(text, imports);
}
