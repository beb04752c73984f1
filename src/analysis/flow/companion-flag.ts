import { isLoopTarget, type SyntaxNode } from '../syntax.js';
import type { ScopeNameUses, Use } from './scope-name-uses.js';

const LOOPS = new Set(['for_statement', 'while_statement']);

/** Enclosing statements looked through for loops and branches: deeper nesting is not analysed (no flag). */
const MAX_NESTING = 100;

/** Resets of a flag weighed per open: more (a generated file) and the flag is not used. */
const MAX_RESETS = 32;

interface Range {
  start: number;
  end: number;
}

/** What a scope does with a flag's name, found once per scope and name: the ranges of its assignments of anything but a true constant (its resets); null when it is bound otherwise (augmented, unpacked, a loop target, in a nested function, `global`). */
type FlagFacts = { resets: Range[] } | null;

/** Classifies a flag's occurrences for ScopeNameUses: a plain assignment target is 'reassign', any other binding 'escape'. */
const FLAG_KIND = {};
const facts = new WeakMap<ScopeNameUses, Map<string, FlagFacts>>();

/**
 * The name of a flag that is true whenever the resource opened by `assignment` is open, or null:
 * `stream = open(name); close_stream = True` (the statement right before or after the open sets it
 * to a true constant), and every assignment of anything else to the flag (a false constant, a
 * computed value) outside any loop around the open and either before it or in another branch of an
 * `if` holding it, so no path resets the flag while the resource is open. `if close_stream:
 * stream.close()` then releases whatever was opened (reno's `write_cache_db`). Any other way of
 * setting the name (augmented, unpacked, `global`) gives null. What the scope does with the name
 * is read once per scope and name (`cache`), so thousands of opens beside one flag stay linear.
 */
export function companionFlag(assignment: SyntaxNode, scope: SyntaxNode, resource: string, cache: ScopeNameUses): string | null {
  const statement = assignment.parent;
  if (statement?.type !== 'expression_statement') return null;
  const flag = flagSetBy(nextStatement(statement, 'next')) ?? flagSetBy(nextStatement(statement, 'previous'));
  if (flag === null || flag === resource) return null;
  const found = flagFacts(scope, flag, cache);
  if (!found) return null;
  if (found.resets.length === 0) return flag;
  if (found.resets.length > MAX_RESETS) return null;
  const loops: Range[] = [];
  // The branches holding the open, each with its `if`: a statement in another branch of one of them never runs after the open.
  const branches: { branch: Range; ifStatement: Range }[] = [];
  let depth = 0;
  for (let n: SyntaxNode = statement; n.parent && n.parent.id !== scope.id; n = n.parent) {
    if (++depth > MAX_NESTING) return null;
    const parent = n.parent;
    if (LOOPS.has(parent.type)) loops.push(rangeOf(parent));
    if (parent.type === 'if_statement') branches.push({ branch: rangeOf(n), ifStatement: rangeOf(parent) });
  }
  const openStart = assignment.startIndex;
  for (const reset of found.resets) {
    if (loops.some((loop) => within(reset, loop))) return null;
    const exclusive = branches.some(({ branch, ifStatement }) => within(reset, ifStatement) && !within(reset, branch));
    if (reset.start > openStart && !exclusive) return null;
  }
  return flag;
}

/** The scope's resets of `flag`, read once per scope and name. */
function flagFacts(scope: SyntaxNode, flag: string, cache: ScopeNameUses): FlagFacts {
  let byScope = facts.get(cache);
  if (!byScope) facts.set(cache, (byScope = new Map()));
  const key = `${scope.startIndex}:${flag}`;
  if (byScope.has(key)) return byScope.get(key)!;
  let found: FlagFacts = { resets: [] };
  const uses = cache.usesOf(scope, flag, FLAG_KIND, classifyFlag);
  if (uses.doubtful || uses.escapes > 0) found = null;
  else {
    for (const offset of uses.offsets) {
      if (uses.uses.get(offset) !== 'reassign') continue;
      const assignment = scope.descendantForIndex(offset, offset + flag.length).parent!;
      const value = assignment.childForFieldName('right');
      if (!value || constantTruth(value) !== true) found.resets.push(rangeOf(assignment));
    }
  }
  byScope.set(key, found);
  return found;
}

function classifyFlag(identifier: SyntaxNode): Use {
  const parent = identifier.parent!;
  if (parent.type === 'assignment' && parent.childForFieldName('left')?.id === identifier.id) return 'reassign';
  return isBinding(identifier) ? 'escape' : 'use';
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

/** Whether the identifier is (re)bound other than by a plain assignment: augmented, unpacked, a loop or `with` target, walrus, a parameter, `except ... as`. */
function isBinding(identifier: SyntaxNode): boolean {
  if (isLoopTarget(identifier)) return true;
  const parent = identifier.parent!;
  switch (parent.type) {
    case 'augmented_assignment':
      return parent.childForFieldName('left')?.id === identifier.id;
    case 'named_expression':
      return parent.childForFieldName('name')?.id === identifier.id;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'as_pattern_target':
    case 'parameters':
    case 'typed_parameter':
      return true;
    case 'default_parameter':
    case 'typed_default_parameter':
      return parent.childForFieldName('name')?.id === identifier.id;
    case 'as_pattern':
      return parent.childForFieldName('alias')?.id === identifier.id;
    default:
      return false;
  }
}

function rangeOf(node: SyntaxNode): Range {
  return { start: node.startIndex, end: node.endIndex };
}

function within(inner: Range, outer: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
