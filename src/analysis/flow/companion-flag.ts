import type { SyntaxNode } from '../syntax.js';

const LOOPS = new Set(['for_statement', 'while_statement']);

/**
 * The name of a flag that is true whenever the resource opened by `assignment` is open, or null:
 * `stream = open(name); close_stream = True` (the statement right before or after the open sets it
 * to a true constant), with every other assignment of the flag in the scope a constant, and each
 * false one outside any loop around the open and either before it or in another branch of an `if`
 * holding it, so no path resets the flag while the resource is open. `if close_stream: stream.close()` then releases whatever was opened (reno's
 * `write_cache_db`). Any other way of setting the name (augmented, unpacked, `global`) gives null.
 */
export function companionFlag(assignment: SyntaxNode, scope: SyntaxNode, resource: string): string | null {
  const statement = assignment.parent;
  if (statement?.type !== 'expression_statement') return null;
  const flag = flagSetBy(nextStatement(statement, 'next')) ?? flagSetBy(nextStatement(statement, 'previous'));
  if (flag === null || flag === resource) return null;
  const loopsAroundOpen: SyntaxNode[] = [];
  // The branches holding the open, each with its `if`: a statement in another branch of one of them never runs after the open.
  const branchesOfOpen: { branch: SyntaxNode; ifStatement: SyntaxNode }[] = [];
  for (let n: SyntaxNode = statement; n.parent && n.parent.id !== scope.id; n = n.parent) {
    if (LOOPS.has(n.parent.type)) loopsAroundOpen.push(n.parent);
    if (n.parent.type === 'if_statement') branchesOfOpen.push({ branch: n, ifStatement: n.parent });
  }
  const within = (node: SyntaxNode, outer: SyntaxNode) => outer.startIndex <= node.startIndex && node.endIndex <= outer.endIndex;
  for (const identifier of scope.descendantsOfType('identifier')) {
    if (identifier.text !== flag) continue;
    const parent = identifier.parent!;
    if (parent.type === 'assignment' && parent.childForFieldName('left')?.id === identifier.id) {
      const value = parent.childForFieldName('right');
      const truth = value ? constantTruth(value) : null;
      if (truth === null) return null;
      if (truth) continue;
      if (loopsAroundOpen.some((loop) => within(parent, loop))) return null;
      const exclusive = branchesOfOpen.some(({ branch, ifStatement }) => within(parent, ifStatement) && !within(parent, branch));
      if (parent.startIndex > assignment.startIndex && !exclusive) return null;
      continue;
    }
    if (isBinding(identifier)) return null;
  }
  return flag;
}

/** The named sibling statement before or after, comments skipped. */
function nextStatement(statement: SyntaxNode, way: 'next' | 'previous'): SyntaxNode | null {
  let n = way === 'next' ? statement.nextNamedSibling : statement.previousNamedSibling;
  while (n?.type === 'comment') n = way === 'next' ? n.nextNamedSibling : n.previousNamedSibling;
  return n;
}

/** `name = True` (or a non-zero integer) as a statement: the name; else null. */
function flagSetBy(statement: SyntaxNode | null): string | null {
  if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return null;
  const assignment = statement.namedChild(0)!;
  if (assignment.type !== 'assignment') return null;
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  return left?.type === 'identifier' && right && constantTruth(right) === true ? left.text : null;
}

/** The truth of a constant (`True`, `False`, `None`, an integer), or null for anything else. */
function constantTruth(value: SyntaxNode): boolean | null {
  if (value.type === 'true') return true;
  if (value.type === 'false' || value.type === 'none') return false;
  if (value.type === 'integer') return !/^0+$|^0[xob]0+$/i.test(value.text.replace(/_/g, ''));
  return null;
}

/** Whether the identifier is (re)bound other than by a plain assignment: augmented, unpacked, a loop or `with` target, walrus, `global`/`nonlocal`, a parameter, `except ... as`. */
function isBinding(identifier: SyntaxNode): boolean {
  const parent = identifier.parent!;
  switch (parent.type) {
    case 'augmented_assignment':
      return parent.childForFieldName('left')?.id === identifier.id;
    case 'named_expression':
      return parent.childForFieldName('name')?.id === identifier.id;
    case 'global_statement':
    case 'nonlocal_statement':
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'as_pattern_target':
    case 'parameters':
    case 'default_parameter':
    case 'typed_parameter':
    case 'typed_default_parameter':
      return true;
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.id === identifier.id;
    case 'as_pattern':
      return parent.childForFieldName('alias')?.id === identifier.id;
    default:
      return false;
  }
}
