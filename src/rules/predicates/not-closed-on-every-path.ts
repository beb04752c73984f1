import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, walkDescendants } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Where a name's story is told: the enclosing function, else the module. */
const SCOPES = ['function_definition', 'module'];

/** Definitions inside the scope: a use there outlives the scope's statements (a closure, a method). */
const NESTED = new Set(['function_definition', 'lambda', 'class_definition']);

/** Methods that release the resource (`quit` on SMTP and FTP clients; `detach` hands the descriptor over). */
const CLOSERS = new Set(['close', '__exit__', 'detach', 'quit']);

/** Methods whose bound form, handed to a call, keeps the resource in use there. */
const IO_METHODS = new Set(['write', 'writelines', 'read', 'readline', 'readlines', 'send', 'sendall', 'recv', 'flush', 'fileno']);

/** Wrappers that close what they are given when the `with` ends. */
const CLOSING = ['closing', 'contextlib.closing'];

/**
 * Calls that use a resource they are given but never keep it, so passing it to them is not a
 * hand-over of ownership (`json.load(f)`, `print(x, file=f)`). Any other call may keep it.
 */
const NON_OWNING = [
  'print', 'len', 'iter', 'next', 'enumerate', 'zip', 'list', 'tuple', 'sorted', 'str', 'repr', 'isinstance', 'hasattr', 'getattr',
  'json.load', 'json.dump', 'pickle.load', 'pickle.dump', 'marshal.load', 'marshal.dump',
  'yaml.load', 'yaml.safe_load', 'yaml.load_all', 'yaml.safe_load_all', 'yaml.dump', 'yaml.safe_dump',
  'csv.reader', 'csv.writer', 'csv.DictReader', 'csv.DictWriter', 'shutil.copyfileobj',
  'os.fstat', 'os.fsync', 'os.fdatasync', 'fcntl.flock', 'fcntl.lockf', 'fcntl.fcntl', 'fcntl.ioctl',
  'hashlib.file_digest', 'configparser.ConfigParser.read_file',
];

/** Uses that only look at the value: a condition, a comparison, a loop over it. */
const LOOKING = new Set(['if_statement', 'elif_clause', 'while_statement', 'not_operator', 'comparison_operator', 'boolean_operator', 'conditional_expression', 'delete_statement', 'interpolation', 'binary_operator', 'assert_statement']);

/** What the code does with one occurrence of the resource's name. */
type Use = 'close' | 'released' | 'use';

/** A close call and whether it sits where errors are handled. */
interface Close {
  call: SyntaxNode;
  inFinally: boolean;
  inExcept: boolean;
}

/**
 * How a resource assigned to the identifier `name` (`f = open(p)`) is left open, as a short
 * phrase — "is never closed", "is closed only on the success path" — or null when it is closed on
 * every path or handed over. It is fine when used in `with name` or `closing(name)`, closed in
 * `finally`, registered for later (`addCleanup(name.close)`), or when it escapes: returned,
 * yielded, stored, aliased, or passed to a call that may keep it. Walks with a cursor: no recursion.
 */
export function howLeftOpen(name: SyntaxNode, imports: ImportMap): string | null {
  const assignment = name.parent;
  if (!assignment || assignment.type !== 'assignment') return null;
  let owner: SyntaxNode | null = assignment.parent;
  while (owner && !SCOPES.includes(owner.type)) owner = owner.parent;
  // A function's body, not its name and parameters, which may spell the same name.
  const scope = owner?.type === 'function_definition' ? owner.childForFieldName('body') : owner;
  if (!scope) return null;

  const closes: Close[] = [];
  let released = false;
  walkDescendants(scope, (node) => {
    if (released) return false;
    if (node.type !== 'identifier' || node.text !== name.text || node.startIndex === name.startIndex) return true;
    if (isLabel(node)) return true;
    if (insideNested(node, scope)) {
      released = true;
      return false;
    }
    const use = classify(node, imports);
    if (use === 'released') released = true;
    else if (use === 'close') closes.push(closeOf(node, scope));
    return true;
  });
  if (released) return null;
  if (closes.length === 0) return 'is never closed';
  if (closes.some((c) => c.inFinally)) return null;
  // Closed in an `except` handler and again on the way out: both paths were thought of.
  const normal = closes.filter((c) => !c.inExcept);
  if (normal.length === 0 || normal.length < closes.length) return null;
  const first = normal.reduce((a, b) => (a.call.startIndex <= b.call.startIndex ? a : b));
  return mayExitBetween(scope, assignment.endIndex, first.call.startIndex) ? 'is closed only on the success path' : null;
}

/** An identifier that names something else: a keyword (`f(name=…)`) or an attribute (`x.name`). */
function isLabel(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (parent?.type === 'keyword_argument') return parent.childForFieldName('name')?.startIndex === node.startIndex;
  if (parent?.type === 'attribute') return parent.childForFieldName('attribute')?.startIndex === node.startIndex;
  return false;
}

function insideNested(node: SyntaxNode, scope: SyntaxNode): boolean {
  for (let n = node.parent; n && !sameNode(n, scope); n = n.parent) if (NESTED.has(n.type)) return true;
  return false;
}

/** Node objects are wrappers made afresh on each access: compare what they cover. */
function sameNode(a: SyntaxNode, b: SyntaxNode): boolean {
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/** What one occurrence of the name does with the resource. */
function classify(node: SyntaxNode, imports: ImportMap): Use {
  const parent = node.parent!;
  if (parent.type === 'attribute') {
    const call = parent.parent;
    const called = call?.type === 'call' && call.childForFieldName('function')?.startIndex === parent.startIndex;
    if (CLOSERS.has(parent.childForFieldName('attribute')?.text ?? '')) {
      // `name.close()` closes here; `addCleanup(name.close)` hands the closing over.
      return called ? 'close' : 'released';
    }
    // A bound I/O method handed to a call keeps the resource alive there: `setwriter(name.write)`
    // (a field such as `name.name` is only a value).
    const handed = !called && (call?.type === 'argument_list' || call?.type === 'keyword_argument');
    return handed && IO_METHODS.has(parent.childForFieldName('attribute')?.text ?? '') ? 'released' : 'use';
  }
  if (parent.type === 'with_item') return 'released';
  if (parent.type === 'as_pattern' && parent.parent?.type === 'with_item') return 'released';
  const args = parent.type === 'keyword_argument' ? parent.parent : parent;
  if (args?.type === 'argument_list') {
    const fn = args.parent?.childForFieldName('function');
    const callee = fn ? imports.qualifiedName(fn) : null;
    if (callee !== null && matchesNamePattern(callee, CLOSING)) return 'released';
    return callee !== null && matchesNamePattern(callee, NON_OWNING) ? 'use' : 'released';
  }
  if (LOOKING.has(parent.type)) return 'use';
  if (parent.type === 'for_statement' && parent.childForFieldName('right')?.startIndex === node.startIndex) return 'use';
  // Reassigned (`name = None`) is not handed over; on the right (`self.f = name`) it is.
  if (parent.type === 'assignment' && parent.childForFieldName('left')?.startIndex === node.startIndex) return 'use';
  if (parent.type === 'expression_statement') return 'use';
  // Returned, yielded, stored in a container, aliased: someone else closes it now.
  return 'released';
}

function closeOf(node: SyntaxNode, scope: SyntaxNode): Close {
  const call = node.parent!.parent!;
  let inFinally = false;
  let inExcept = false;
  for (let n: SyntaxNode | null = call; n && !sameNode(n, scope); n = n.parent) {
    if (n.type === 'finally_clause') inFinally = true;
    if (n.type === 'except_clause' || n.type === 'except_group_clause') inExcept = true;
  }
  return { call, inFinally, inExcept };
}

/** True when a call, `raise` or `return` lies between two offsets: an exit that skips the close. */
function mayExitBetween(scope: SyntaxNode, from: number, to: number): boolean {
  let found = false;
  walkDescendants(scope, (node) => {
    if (found || node.endIndex <= from || node.startIndex >= to) return false;
    if (node.startIndex >= from && (node.type === 'call' || node.type === 'raise_statement' || node.type === 'return_statement')) found = true;
    return !found;
  });
  return found;
}

/** The captured name holds a resource not closed on every path of its function; binds `{how}`. */
export const notClosedOnEveryPath: Predicate = {
  name: 'not-closed-on-every-path',
  description:
    'The captured identifier is assigned a resource (`f = open(p)`) that its function (or module) neither manages (`with f`, `closing(f)`, `f.close()` in `finally`) nor hands over (returns, yields, stores, passes to a call that may keep it); binds `{how}` to "is never closed" or "is closed only on the success path" (a call or exit sits between the open and a `close()` outside `finally`).',
  binds: ['how'],
  checkArg: expectTrue,
  test(node, _arg, ctx) {
    const how = howLeftOpen(node, ctx.imports);
    return how === null ? false : { how };
  },
};
