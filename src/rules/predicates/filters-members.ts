import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { keywordValue } from './keyword-argument.js';
import { expectTrue, type Predicate } from './predicate.js';
import { matchesNamePattern } from './name-pattern.js';

// syntribos extracts a downloaded tarball with `tarf.extractall(path=remote_path,
// members=safe_paths(tarf))`, where `safe_paths`, defined beside it, yields only the members whose
// `os.path.realpath(os.path.join(work_dir, fh.name))` starts with the folder. realpath resolves a
// link an earlier member made, so the check holds as the members are written one by one.

/** Calls that resolve a path through links: without one, a symlink member gets past the check (ec2-api's abspath check). */
const RESOLVERS = ['os.path.realpath', 'posixpath.realpath', 'pathlib.Path.resolve'];

/** The definition of function `name` visible from `node`: in an enclosing function's body, or at the top of the module. */
function visibleFunction(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type !== 'function_definition' && scope.type !== 'module') continue;
    const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
    for (const statement of body?.namedChildren ?? []) {
      const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === name) return fn;
    }
  }
  return null;
}

/** Whether `fn`'s body resolves a path through links (`os.path.realpath`, `Path(...).resolve()`) and tests where it lies (`.startswith(`, `.is_relative_to(`, `os.path.commonpath`). */
function checksResolvedPaths(fn: SyntaxNode, imports: ImportMap): boolean {
  let resolves = false;
  let tests = false;
  walkDescendants(fn, (n) => {
    if (n.type !== 'call') return true;
    const callee = n.childForFieldName('function');
    const name = callee ? imports.qualifiedName(callee) : null;
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    if ((name !== null && matchesNamePattern(name, RESOLVERS)) || method === 'resolve') resolves = true;
    if (method === 'startswith' || method === 'is_relative_to' || (name !== null && matchesNamePattern(name, ['os.path.commonpath']))) tests = true;
    return true;
  });
  return resolves && tests;
}

/**
 * True when the captured `extract`/`extractall` call is given `members=` from a call to a function
 * of the file (or of an enclosing function) that resolves each member's path through links and
 * tests where it lies: only members inside the folder are written.
 */
export function filtersMembers(call: SyntaxNode, imports: ImportMap): boolean {
  const members = keywordValue(call, 'members');
  const filter = members && unwrapParens(members);
  if (filter?.type !== 'call') return false;
  const callee = filter.childForFieldName('function');
  if (callee?.type !== 'identifier') return false;
  const fn = visibleFunction(call, callee.text);
  return fn !== null && checksResolvedPaths(fn, imports);
}

/** The captured extraction call is given members a same-file function filtered by their resolved paths (see filtersMembers). */
export const filtersMembersPredicate: Predicate = {
  name: 'filters-members',
  description:
    "The captured `extract`/`extractall` call is given `members=` from a call to a function of the file (or of an enclosing function) that resolves paths through links (`os.path.realpath`, `Path.resolve()`) and tests where they lie (`.startswith(`, `.is_relative_to(`, `os.path.commonpath`): `tarf.extractall(path, members=safe_paths(tarf))`. An `abspath` check alone does not count (a symlink member gets past it). Use under `not:`.",
  checkArg: expectTrue,
  test: (node, _arg, ctx) => filtersMembers(node, ctx.imports),
};
