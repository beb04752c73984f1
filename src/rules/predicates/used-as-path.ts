import type { ImportMap } from '../../analysis/import-map.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { outermostParens, unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { enclosingScope } from './enclosing-scope.js';
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

/** Nodes that start another function or a class: their paths are not this scope's. */
const NESTED_SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Code text with white space dropped, so that a chain split over lines compares equal. */
const compact = (node: SyntaxNode) => node.text.replace(/\s+/g, '');

function pathArguments(call: SyntaxNode, imports: ImportMap): SyntaxNode[] {
  const fn = call.childForFieldName('function');
  const name = fn ? imports.qualifiedName(fn) : null;
  const last = name?.slice(name.lastIndexOf('.') + 1).toLowerCase() ?? '';
  const positions = (name === null ? undefined : PATH_CALLS.find(([patterns]) => matchesNamePattern(name, patterns))?.[1]) ?? (FILE_TAKING_NAME.test(last) ? 1 : 0);
  const found: (SyntaxNode | null)[] = KEY_FILE_KEYWORDS.map((keyword) => keywordValue(call, keyword));
  for (let i = 1; i <= positions; i++) found.push(positionalValue(call, i));
  if (positions > 0) found.push(...PATH_KEYWORDS.map((keyword) => keywordValue(call, keyword)));
  return found.filter((v): v is SyntaxNode => v !== null).map(unwrapParens).filter((v) => v.type === 'identifier' || v.type === 'attribute');
}

function targetsOf(node: SyntaxNode): SyntaxNode | null {
  switch (node.type) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
      return node.childForFieldName('left');
    case 'as_pattern':
      return node.childForFieldName('alias');
    default:
      return null;
  }
}

/**
 * The uses of `text` in `scope` found by walking it (nested functions and classes aside), comparing
 * texts compacted: for a name or attribute written over several lines, which the text search of
 * occurrenceUses cannot find.
 */
function walkedUses(scope: SyntaxNode, text: string, imports: ImportMap): TextUses {
  const uses: TextUses = { pathAt: undefined, assignedAt: [] };
  const key = idOf(scope);
  walkDescendants(scope, (n) => {
    // By id: the walk's node for the scope is not always the same object as `scope` (the
    // binding's node cache is weak), and taken for a nested function it would end the walk.
    if (NESTED_SCOPES.has(n.type) && idOf(n) !== key) return false;
    if ((n.type === 'identifier' || n.type === 'attribute') && compact(n) === text) {
      classifyUse(n, uses, imports);
      return false;
    }
    return true;
  });
  return uses;
}

/**
 * True when `node` (a name or attribute) is, in its own function, written the same way as the
 * path given to a call that opens, tests or copies a file (`open(x)`, `os.path.exists(x)`,
 * `Path(x)`, `shutil.copy(x, y)`), and is not assigned again after that use: then it names a
 * file. Rebound after (`with open(key) as f: key = f.read()`), it may hold the file's content.
 */
export function usedAsPath(node: SyntaxNode, imports: ImportMap): boolean {
  if (node.type !== 'identifier' && node.type !== 'attribute') return false;
  const scope = enclosingScope(node);
  if (!scope) return false;
  const text = compact(node);
  // Written on one line (nearly always): look only where the same text occurs again in the scope,
  // instead of walking the whole function; most secret-named values occur once, or never as a path.
  // (A use of it split over lines is not found so; a name split over lines walks the function.)
  // Asked of each read of a name (`password` logged ten times), by several rules: once per scope and text.
  let byText = usesCache.get(imports);
  if (!byText) usesCache.set(imports, (byText = new Map()));
  const key = `${idOf(scope)} ${text}`;
  let uses = byText.get(key);
  if (!uses) byText.set(key, (uses = text === node.text ? occurrenceUses(scope, text, imports) : walkedUses(scope, text, imports)));
  return pathUseStands(uses);
}

interface TextUses {
  /** Where the text is first a file call's path argument. */
  pathAt: number | undefined;
  /** Where it is assigned. */
  assignedAt: number[];
}

/** Per file (its ImportMap), by scope id and text. */
const usesCache = new WeakMap<ImportMap, Map<string, TextUses>>();

/** A path use not followed by an assignment. */
function pathUseStands({ pathAt, assignedAt }: TextUses): boolean {
  return pathAt !== undefined && !assignedAt.some((at) => at > pathAt);
}

/** The uses of `text` as a name or attribute of `scope` itself (not of a nested function), found where the text occurs. */
function occurrenceUses(scope: SyntaxNode, text: string, imports: ImportMap): TextUses {
  const scopeText = scope.text;
  const base = scope.startIndex;
  const scopeId = idOf(scope);
  const uses: TextUses = { pathAt: undefined, assignedAt: [] };
  for (let at = scopeText.indexOf(text); at >= 0; at = scopeText.indexOf(text, at + 1)) {
    const start = base + at;
    const use = scope.descendantForIndex(start, start + text.length);
    if (use.startIndex !== start || use.text !== text || (use.type !== 'identifier' && use.type !== 'attribute')) continue;
    if (idOf(enclosingScope(use) ?? use) !== scopeId) continue;
    classifyUse(use, uses, imports);
  }
  return uses;
}

/** Records `use` (in source order) as an assignment to the text, or as its first use as a path. */
function classifyUse(use: SyntaxNode, uses: TextUses, imports: ImportMap): void {
  if (isBoundTarget(use)) uses.assignedAt.push(use.startIndex);
  else if (uses.pathAt === undefined && isPathArgument(use, imports)) uses.pathAt = use.startIndex;
}

/** True when `use` is one of the path arguments of the call it is passed to (see pathArguments). */
function isPathArgument(use: SyntaxNode, imports: ImportMap): boolean {
  const outer = outermostParens(use);
  const holder = outer.parent?.type === 'keyword_argument' ? outer.parent.parent : outer.parent;
  const call = holder?.type === 'argument_list' ? holder.parent : null;
  return call?.type === 'call' && pathArguments(call, imports).some((a) => a.id === use.id);
}

/** True when `use` is (part of) what an assignment, augmented assignment, `for` or `with … as` binds. */
function isBoundTarget(use: SyntaxNode): boolean {
  let at: SyntaxNode = use;
  for (let up = use.parent; up; at = up, up = up.parent) {
    const targets = targetsOf(up);
    if (targets) return targets.id === at.id;
    if (!['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'as_pattern_target'].includes(up.type)) return false;
  }
  return false;
}

/** The captured name or attribute is the path a file call of its function is given (see usedAsPath). */
export const usedAsPathPredicate: Predicate = {
  name: 'used-as-path',
  description:
    'The captured name or attribute is written, in the same function, as the path given to a call that opens, tests or copies a file (`open(x)`, `io.open`, `os.open`, `os.path.exists/isfile/getsize…`, `os.stat`, `pathlib.Path(x)`, `shutil.copy/copyfile/move`, a function named for loading or setting a file such as `ssl_set_private_key_file(x)`, or a `keyfile=`/`certfile=`/`ca_certs=`-style keyword), and is not assigned again after that: it names a file (`CONF.certificates.ca_private_key` opened, then named in an error). `os.path.join`\'s parts do not count.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => usedAsPath(node, ctx.imports),
};
