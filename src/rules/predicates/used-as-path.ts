import type { ImportMap } from '../../analysis/import-map.js';
import { outermostParens, unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { isConstantString } from '../../analysis/string-literal.js';
import { usedAsArgument, type ArgumentRole } from './argument-uses.js';
import { filledValues } from './fills-only-placeholders.js';
import { isConstantValue } from './is-constant-value.js';
import { keywordValue, positionalValue } from './keyword-argument.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectTrue, type Predicate } from './predicate.js';

// octavia's `open(CONF.certificates.ca_private_key, 'rb')`, then the same option formatted into
// the exception raised when that fails: an option named for a secret that holds the key FILE's
// path. Where the same text is opened, tested or copied as a file, it names a file.

/**
 * Calls that take a whole file path, by qualified name, with how many leading positional
 * arguments are paths. Not `os.path.join`: a component joined into a path may be a secret used as
 * a file name (a token's own file), and a joined path is a flow rule's sanitizer instead.
 */
const PATH_CALLS: readonly [patterns: string[], positions: number][] = [
  [['open', 'io.open', 'os.open', 'codecs.open', 'builtins.open'], 1],
  [
    [
      'os.path.exists', 'os.path.lexists', 'os.path.isfile', 'os.path.isdir', 'os.path.islink', 'os.path.getsize',
      'os.path.getmtime', 'os.path.getctime', 'os.path.getatime', 'os.path.abspath', 'os.path.realpath',
      'os.path.normpath', 'os.path.expanduser', 'os.path.dirname', 'os.path.basename', 'os.path.split',
      'os.path.splitext',
    ],
    1,
  ],
  [['os.stat', 'os.lstat', 'os.access', 'os.chmod', 'os.chown', 'os.remove', 'os.unlink', 'os.listdir', 'os.makedirs', 'os.mkdir'], 1],
  [['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath'], 1],
  // Not `shutil.copyfileobj`, which takes open files.
  [['shutil.copy', 'shutil.copy2', 'shutil.copyfile', 'shutil.copytree', 'shutil.copymode', 'shutil.copystat', 'shutil.move', 'os.rename', 'os.replace', 'os.link', 'os.symlink'], 2],
];

/** Keywords these calls name a path with: `open(file=…)`, `shutil.copy(src=…, dst=…)`. */
const PATH_KEYWORDS = ['file', 'path', 'src', 'dst'];

/**
 * Any call's keywords that take a key or certificate FILE (`load_cert_chain(certfile=…, keyfile=…)`,
 * `ssl.wrap_socket(keyfile=…)`, requests' and keystoneauth's `cert=`-style file options).
 */
const KEY_FILE_KEYWORDS = ['keyfile', 'certfile', 'key_file', 'cert_file', 'cafile', 'ca_file', 'ca_certs'];

/**
 * A function named for loading or setting a file, whose first argument is its path: OVS's
 * `Stream.ssl_set_private_key_file(CONF.ovn.ovn_sb_private_key)`, `load_key_file(path)`,
 * `read_file(path)`. Not `write_secret_to_file(secret, path)`: no loading verb right before.
 */
const FILE_TAKING_NAME = /(?:^|_)(?:set|load|read|open|use)(?:_[a-z0-9]+)*_(?:file|filename|path)$/;

/**
 * A function named for testing a file, whose first argument is its path: kolla-ansible's
 * `utils.is_readable_file(passwd_file)`, `check_file(path)`, `file_exists(path)`.
 */
const FILE_TESTING_NAME = /^(?:(?:is|check|ensure|validate|verify)_(?:[a-z0-9]+_)*(?:file|filename|path)|(?:[a-z0-9]+_)*(?:file|path)_exists)$/;

/**
 * Methods, by name, whose leading positional arguments are key and certificate FILES:
 * httplib2's `Http.add_certificate(key, cert, domain)` (ec2-api's metadata proxy), ssl's
 * `SSLContext.load_cert_chain(certfile, keyfile)` and `load_verify_locations(cafile)`.
 */
const CERTIFICATE_METHODS = new Map([
  ['add_certificate', 2],
  ['load_cert_chain', 2],
  ['load_verify_locations', 1],
]);

function pathArguments(call: SyntaxNode, imports: ImportMap): SyntaxNode[] {
  const fn = call.childForFieldName('function');
  const name = fn ? imports.qualifiedName(fn) : null;
  const last = name?.slice(name.lastIndexOf('.') + 1).toLowerCase() ?? '';
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const positions =
    (name === null ? undefined : PATH_CALLS.find(([patterns]) => matchesNamePattern(name, patterns))?.[1]) ??
    (method !== undefined ? CERTIFICATE_METHODS.get(method) : undefined) ??
    (FILE_TAKING_NAME.test(last) || FILE_TESTING_NAME.test(last) ? 1 : 0);
  const found: (SyntaxNode | null)[] = KEY_FILE_KEYWORDS.map((keyword) => keywordValue(call, keyword));
  for (let i = 1; i <= positions; i++) found.push(positionalValue(call, i));
  if (positions > 0) found.push(...PATH_KEYWORDS.map((keyword) => keywordValue(call, keyword)));
  return found.filter((v): v is SyntaxNode => v !== null).map(unwrapParens).filter((v) => v.type === 'identifier' || v.type === 'attribute');
}

/** A path given to a file call: see pathArguments. */
const PATH_ROLE: ArgumentRole = { id: 'path', isArgument: isPathArgument };

/**
 * True when `node` (a name or attribute) is, in its own function, written the same way as the
 * path given to a call that opens, tests or copies a file (`open(x)`, `os.path.exists(x)`,
 * `Path(x)`, `shutil.copy(x, y)`), and is not assigned again after that use: then it names a
 * file. Rebound after (`with open(key) as f: key = f.read()`), it may hold the file's content.
 */
export function usedAsPath(node: SyntaxNode, imports: ImportMap): boolean {
  return usedAsArgument(node, imports, PATH_ROLE);
}

/** True when `use` is one of the path arguments of the call it is passed to (see pathArguments). */
function isPathArgument(use: SyntaxNode, imports: ImportMap): boolean {
  const outer = outermostParens(use);
  const holder = outer.parent?.type === 'keyword_argument' ? outer.parent.parent : outer.parent;
  const call = holder?.type === 'argument_list' ? holder.parent : null;
  return call?.type === 'call' && pathArguments(call, imports).some((a) => a.id === use.id);
}

// infrared's `ssh_to_host`: `priv_key` tested with `os.access(priv_key, os.R_OK)`, then written
// as ssh's identity option, `cmd_fields["priv_key"] = "-i {}".format(priv_key)`, and the command
// built from cmd_fields logged. The entry holds the key file's path, in an option's text.

/** Strings built this deep at most (`'-i ' + ('%s' % key)`); deeper ones are not judged. */
const MAX_BUILD_DEPTH = 4;

/**
 * True when `node` holds a file's path and nothing else that is not constant: a name or attribute
 * used as a path (see usedAsPath), or a string built only from constants and such names (an
 * f-string, `'-i %s' % key`, `'-i {}'.format(key)` on a constant template, `'-i ' + key`, implicit
 * concatenation), at least one of them. A subscript that an assignment writes (`d['key'] = v`) is
 * judged by the value written, as a dict's entry is by its value.
 */
export function holdsPath(node: SyntaxNode, imports: ImportMap): boolean {
  const n = unwrapParens(node);
  const written = n.type === 'subscript' ? writtenValue(n) : null;
  return builtFromPaths(written ?? n, imports, 0) === 'path';
}

/** The value a plain assignment writes to `target` (`d['k'] = v`; not `a = d['k'] = v`, nor an unpacking), or null. */
function writtenValue(target: SyntaxNode): SyntaxNode | null {
  const outer = outermostParens(target);
  const assignment = outer.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== outer.id) return null;
  const value = assignment.childForFieldName('right');
  return value && value.type !== 'assignment' ? value : null;
}

/**
 * What a value is built from: 'path' when from constants and at least one name used as a path,
 * 'constant' when from constants alone, null otherwise (anything else filled in, a template that
 * is not constant, a splat).
 */
function builtFromPaths(node: SyntaxNode, imports: ImportMap, depth: number): 'path' | 'constant' | null {
  const n = unwrapParens(node);
  if (isConstantValue(n)) return 'constant';
  if (n.type === 'identifier' || n.type === 'attribute') return usedAsPath(n, imports) ? 'path' : null;
  if (depth >= MAX_BUILD_DEPTH) return null;
  const parts = filledParts(n);
  if (parts === null || parts.length === 0) return null;
  let found: 'path' | 'constant' = 'constant';
  for (const part of parts) {
    const built = builtFromPaths(part, imports, depth + 1);
    if (built === null) return null;
    if (built === 'path') found = 'path';
  }
  return found;
}

/**
 * The parts a string is built from (see builtFromPaths): both sides of `+`, or what a formatted
 * string fills in (fills-only-placeholders' filledValues), `%` and `.format()` only on a constant
 * template (one from a value may hold anything); null when `n` is no such string.
 */
function filledParts(n: SyntaxNode): SyntaxNode[] | null {
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.type === '+') {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    return left && right ? [left, right] : null;
  }
  if ((n.type === 'binary_operator' || n.type === 'call') && !hasConstantTemplate(n)) return null;
  return filledValues(n)?.filter((c) => c.type !== 'comment') ?? null;
}

/** Whether `tmpl % values` or `tmpl.format(...)` formats a constant template (a join is neither). */
function hasConstantTemplate(n: SyntaxNode): boolean {
  if (n.type === 'binary_operator') {
    const left = n.childForFieldName('left');
    return left !== null && isConstantString(left);
  }
  const fn = n.childForFieldName('function');
  const template = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? fn.childForFieldName('object') : null;
  return template !== null && isConstantString(template);
}

/** The captured value holds a file's path: see holdsPath. */
export const usedAsPathPredicate: Predicate = {
  name: 'used-as-path',
  description:
    'The captured name or attribute is written, in the same function, as the path given to a call that opens, tests or copies a file (`open(x)`, `io.open`, `os.open`, `os.path.exists/isfile/getsize…`, `os.stat`, `os.access`, `pathlib.Path(x)`, `shutil.copy/copyfile/move`, a function named for loading, setting or testing a file such as `ssl_set_private_key_file(x)` or `is_readable_file(x)`, a key or certificate loader (`h.add_certificate(key, cert, domain)`, `ctx.load_cert_chain(cert, key)`), or a `keyfile=`/`certfile=`/`ca_certs=`-style keyword), and is not assigned again after that: it names a file (`CONF.certificates.ca_private_key` opened, then named in an error). `os.path.join`\'s parts do not count. A string built only from constants and such names (`"-i {}".format(key)`, `"-i %s" % key`, `f"-i {key}"`, `"-i " + key`) holds the path too, and a subscript an assignment writes (`d["priv_key"] = "-i {}".format(key)`) is judged by the value written.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => holdsPath(node, ctx.imports),
};
