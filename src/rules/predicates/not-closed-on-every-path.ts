import { type CallRole, leakOf, type ReleaseKind } from '../../analysis/flow/release-paths.js';
import type { ImportMap } from '../../analysis/import-map.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { isLogger } from './is-logger.js';
import { matchesNamePattern } from './name-pattern.js';
import type { Predicate } from './predicate.js';

/** What a rule says releases its kind of resource (the YAML argument; `true` takes the defaults for files and connections). */
interface Arg {
  /** Methods that release it (`close`). */
  'release-methods'?: string[];
  /** Functions that release what they are given (`os.close`), or manage it (`contextlib.closing`). */
  'release-calls'?: string[];
  /** Functions that use what they are given without keeping it, beyond the defaults (`os.write` for a descriptor). */
  borrowers?: string[];
  /** Whether a call that may raise before the release counts as a leak (default true). */
  'exception-paths'?: boolean;
  /** The participle the message uses: "is never {released}" (default `closed`). */
  released?: string;
}

/** Methods that release the resource (`quit` on SMTP and FTP clients; `detach` hands the descriptor over). */
const RELEASE_METHODS = ['close', '__exit__', 'detach', 'quit'];

/** Wrappers that close what they are given when the `with` ends. */
const RELEASE_CALLS = ['closing', 'contextlib.closing'];

/** Methods whose bound form, handed to a call, keeps the resource in use there. */
const BOUND_USES = new Set(['write', 'writelines', 'read', 'readline', 'readlines', 'send', 'sendall', 'recv', 'flush', 'fileno']);

/**
 * Calls that use a resource they are given but never keep it, so passing it to them is not a
 * hand-over of ownership (`json.load(f)`, `print(x, file=f)`). Any other call may keep it.
 */
const BORROWERS = [
  'print', 'len', 'iter', 'next', 'enumerate', 'zip', 'list', 'tuple', 'sorted', 'str', 'repr', 'isinstance', 'hasattr', 'getattr',
  'json.load', 'json.dump', 'pickle.load', 'pickle.dump', 'marshal.load', 'marshal.dump',
  'yaml.load', 'yaml.safe_load', 'yaml.load_all', 'yaml.safe_load_all', 'yaml.dump', 'yaml.safe_dump',
  'csv.reader', 'csv.writer', 'csv.DictReader', 'csv.DictWriter', 'shutil.copyfileobj',
  'os.fstat', 'os.fsync', 'os.fdatasync', 'fcntl.flock', 'fcntl.lockf', 'fcntl.fcntl', 'fcntl.ioctl',
  'hashlib.file_digest', 'configparser.ConfigParser.read_file',
];

/** Calls taken not to raise between an open and its release: they would make every close "success path only". */
const QUIET = ['_', '_LE', '_LI', '_LW', '_LC', 'len', 'isinstance', 'hasattr', 'str', 'repr', 'print', 'id', 'type'];

/** Methods taken not to raise either: container and string methods that cannot fail on the values they are usually given. */
const QUIET_METHODS = new Set(['append', 'extend', 'add', 'get', 'items', 'keys', 'values', 'setdefault', 'startswith', 'endswith', 'lower', 'upper', 'strip', 'lstrip', 'rstrip', 'split', 'format', 'join']);

/** The release kinds built from rule arguments, once per argument object and file (the analysis caches by kind). */
const KINDS = new WeakMap<object, { make: (imports: ImportMap) => ReleaseKind; byFile: WeakMap<ImportMap, ReleaseKind> }>();

function kindOf(arg: unknown, imports: ImportMap): ReleaseKind {
  const key = (typeof arg === 'object' && arg !== null ? arg : DEFAULT_ARG) as object;
  let kinds = KINDS.get(key);
  if (!kinds) KINDS.set(key, (kinds = { make: kindMaker(key as Arg), byFile: new WeakMap() }));
  let kind = kinds.byFile.get(imports);
  if (!kind) kinds.byFile.set(imports, (kind = kinds.make(imports)));
  return kind;
}
const DEFAULT_ARG: Arg = {};

function kindMaker(a: Arg): (imports: ImportMap) => ReleaseKind {
  const releaseMethods = new Set(a['release-methods'] ?? RELEASE_METHODS);
  const releaseCalls = [...RELEASE_CALLS, ...(a['release-calls'] ?? [])];
  const borrowers = [...BORROWERS, ...(a.borrowers ?? [])];
  const exceptionPaths = a['exception-paths'] ?? true;
  return (imports) => ({
    releaseMethods,
    boundUses: BOUND_USES,
    exceptionPaths,
    roleOf(call: SyntaxNode): CallRole {
      const fn = call.childForFieldName('function');
      const callee = fn ? imports.qualifiedName(fn) : null;
      if (callee === null) return 'keep';
      if (matchesNamePattern(callee, releaseCalls)) return 'release';
      return matchesNamePattern(callee, borrowers) ? 'borrow' : 'keep';
    },
    mayRaise(call: SyntaxNode): boolean {
      const fn = call.childForFieldName('function');
      if (!fn) return true;
      if (fn.type === 'identifier') return !QUIET.includes(fn.text);
      if (fn.type !== 'attribute') return true;
      const object = fn.childForFieldName('object');
      return !QUIET_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') && !(object && isLogger(object, imports));
    },
  });
}

/**
 * How a resource assigned to the identifier `name` (`f = open(p)`) is left open, as a short
 * phrase — "is never closed", "is not closed before the return on line 12" — or null when it is
 * released on every path or handed over (see leakOf in src/analysis/flow/release-paths.ts).
 */
export function howLeftOpen(name: SyntaxNode, imports: ImportMap, arg: unknown = true): string | null {
  const leak = leakOf(name, kindOf(arg, imports));
  if (!leak) return null;
  const released = (typeof arg === 'object' && arg !== null ? (arg as Arg).released : undefined) ?? 'closed';
  switch (leak.kind) {
    case 'never':
      return `is never ${released}`;
    case 'return':
      return `is not ${released} before the return on line ${leak.at.startPosition.row + 1}`;
    case 'branch':
      return `is not ${released} on every path`;
    case 'exception':
      return `is ${released} only on the success path (line ${leak.at.startPosition.row + 1} can raise first)`;
  }
}

function checkArg(arg: unknown): string | null {
  if (arg === true) return null;
  const usage = 'takes `true` or {release-methods, release-calls, borrowers: [names], exception-paths: bool, released: word}';
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return usage;
  for (const [key, value] of Object.entries(arg)) {
    if (['release-methods', 'release-calls', 'borrowers'].includes(key)) {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' && x.length > 0)) return `${key} ${usage}`;
    } else if (key === 'exception-paths') {
      if (typeof value !== 'boolean') return usage;
    } else if (key === 'released') {
      if (typeof value !== 'string' || value.length === 0) return usage;
    } else return `unknown key ${key}: ${usage}`;
  }
  return null;
}

/** The captured name holds a resource not released on every path out of its function; binds `{how}`. */
export const notClosedOnEveryPath: Predicate = {
  name: 'not-closed-on-every-path',
  description:
    'The captured identifier is assigned a resource (`f = open(p)`, `fd` of `fd, path = mkstemp()`) that some path out of its function (or module) leaves unreleased: never released, a `return` or a branch that skips the release, or (with `exception-paths`) a call that may raise before a release outside `finally`; released means `with f`, a release method (`f.close()`), a release call (`closing(f)`, `os.close(fd)`), or handing it over (returned, yielded, stored, passed to a call that is not a borrower). Takes `true` (files and connections) or `{release-methods, release-calls, borrowers, exception-paths, released}`; binds `{how}`.',
  binds: ['how'],
  checkArg,
  test(node, arg, ctx) {
    const how = howLeftOpen(node, ctx.imports, arg);
    return how === null ? false : { how };
  },
};
