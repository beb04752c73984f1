import type { ImportMap } from '../../analysis/import-map.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { walkDescendants, type SyntaxNode } from '../../analysis/syntax.js';
import { enclosingScope } from './enclosing-scope.js';

// A secret-named value that its own function hands to a call as something else (a file's path, a
// resource's name) holds that instead. Found once per scope, text and kind of argument.

/** A kind of argument a use of a name may be: the path of a file call, a function's name parameter. */
export interface ArgumentRole {
  /** Tells the roles' uses apart in the cache. */
  readonly id: string;
  /** True when `use`, a name or attribute, is passed to a call as this kind of argument. */
  isArgument(use: SyntaxNode, imports: ImportMap): boolean;
  /** Set on the role an alias is judged in (see aliasUsedAs): one level only, `b = a` then `c = b` is not followed. */
  readonly ofAlias?: true;
}

/** Nodes that start another function or a class: their uses are not this scope's. */
const NESTED_SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Code text with white space dropped, so that a chain split over lines compares equal. */
const compact = (node: SyntaxNode) => node.text.replace(/\s+/g, '');

interface TextUses {
  /** The text's first use as an argument of the role. */
  asArgument: SyntaxNode | undefined;
  /** Where it is assigned. */
  assigned: SyntaxNode[];
}

/** Per file (its ImportMap), by role, scope id and text. */
const usesCache = new WeakMap<ImportMap, Map<string, TextUses>>();

/**
 * True when `node` (a name or attribute) is, in its own function, written the same way as an
 * argument of `role` (see ArgumentRole), and is not assigned again after that use. Rebound after
 * (`with open(key) as f: key = f.read()`), it may hold something else.
 */
export function usedAsArgument(node: SyntaxNode, imports: ImportMap, role: ArgumentRole): boolean {
  if (node.type !== 'identifier' && node.type !== 'attribute') return false;
  const scope = enclosingScope(node);
  if (!scope) return false;
  const text = compact(node);
  // Written on one line (nearly always): look only where the same text occurs again in the scope,
  // instead of walking the whole function; most secret-named values occur once, or never so.
  // (A use of it split over lines is not found so; a name split over lines walks the function.)
  // Asked of each read of a name (`password` logged ten times), by several rules: once per scope and text.
  let byText = usesCache.get(imports);
  if (!byText) usesCache.set(imports, (byText = new Map()));
  const key = `${role.id} ${idOf(scope)} ${text}`;
  let uses = byText.get(key);
  if (!uses) byText.set(key, (uses = text === node.text ? occurrenceUses(scope, text, imports, role) : walkedUses(scope, text, imports, role)));
  const first = uses.asArgument;
  return first !== undefined && !uses.assigned.some((a) => a.startIndex > first.startIndex && !inOtherBranch(a, first));
}

/**
 * True when `a` and `b` sit in different branches of one `if` (its body and an `elif` or `else`)
 * that no loop of the function repeats:
 * oslo.db's `if new: db_token = _random_ident(); …create_named_database(db_token) else: db_token =
 * None`, where the `else` comes later in the text but never after the use.
 */
function inOtherBranch(a: SyntaxNode, b: SyntaxNode): boolean {
  const branchesOf = (n: SyntaxNode) => {
    const out = new Map<number, number>();
    for (let at = n, up = n.parent; up; at = up, up = up.parent) if (up.type === 'if_statement') out.set(up.id, at.id);
    return out;
  };
  const ofA = branchesOf(a);
  for (let at = b, up = b.parent; up; at = up, up = up.parent) {
    if (up.type !== 'if_statement' || !ofA.has(up.id)) continue;
    // The innermost `if` holding both: different children of it are different branches (the
    // condition is neither's, as an assignment or argument there is in both).
    const childOfA = ofA.get(up.id)!;
    const condition = up.childForFieldName('condition')?.id;
    return childOfA !== at.id && condition !== at.id && condition !== childOfA && !inLoop(up);
  }
  return false;
}

/** True when a loop of the same function holds `node`: a later pass may take the other branch. */
function inLoop(node: SyntaxNode): boolean {
  for (let up = node.parent; up && !NESTED_SCOPES.has(up.type); up = up.parent) if (up.type === 'for_statement' || up.type === 'while_statement') return true;
  return false;
}

/**
 * The uses of `text` in `scope` found by walking it (nested functions and classes aside), comparing
 * texts compacted: for a name or attribute written over several lines, which the text search of
 * occurrenceUses cannot find.
 */
function walkedUses(scope: SyntaxNode, text: string, imports: ImportMap, role: ArgumentRole): TextUses {
  const uses: TextUses = { asArgument: undefined, assigned: [] };
  const key = idOf(scope);
  walkDescendants(scope, (n) => {
    // By id: the walk's node for the scope is not always the same object as `scope` (the
    // binding's node cache is weak), and taken for a nested function it would end the walk.
    if (NESTED_SCOPES.has(n.type) && idOf(n) !== key) return false;
    if ((n.type === 'identifier' || n.type === 'attribute') && compact(n) === text) {
      classifyUse(n, uses, imports, role);
      return false;
    }
    return true;
  });
  return uses;
}

/** The uses of `text` as a name or attribute of `scope` itself (not of a nested function), found where the text occurs. */
function occurrenceUses(scope: SyntaxNode, text: string, imports: ImportMap, role: ArgumentRole): TextUses {
  const scopeText = scope.text;
  const base = scope.startIndex;
  const scopeId = idOf(scope);
  const uses: TextUses = { asArgument: undefined, assigned: [] };
  for (let at = scopeText.indexOf(text); at >= 0; at = scopeText.indexOf(text, at + 1)) {
    const start = base + at;
    const use = scope.descendantForIndex(start, start + text.length);
    if (use.startIndex !== start || use.text !== text || (use.type !== 'identifier' && use.type !== 'attribute')) continue;
    if (idOf(enclosingScope(use) ?? use) !== scopeId) continue;
    classifyUse(use, uses, imports, role);
  }
  return uses;
}

/** Records `use` (in source order) as an assignment to the text, or as its first use in the role. */
function classifyUse(use: SyntaxNode, uses: TextUses, imports: ImportMap, role: ArgumentRole): void {
  if (isBoundTarget(use)) uses.assigned.push(use);
  else if (uses.asArgument === undefined && (role.isArgument(use, imports) || aliasUsedAs(use, imports, role))) uses.asArgument = use;
}

/**
 * True when `use` is the whole value of an assignment to a plain name that its function uses in
 * the role: kolla-ansible's `passwd_file = parsed_args.kolla_passwords`, then
 * `utils.is_readable_file(passwd_file)`. The alias holds the same value, so the same thing.
 */
function aliasUsedAs(use: SyntaxNode, imports: ImportMap, role: ArgumentRole): boolean {
  if (role.ofAlias) return false;
  let value: SyntaxNode = use;
  while (value.parent?.type === 'parenthesized_expression') value = value.parent;
  const assignment = value.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== value.id) return false;
  const target = assignment.childForFieldName('left');
  return target?.type === 'identifier' && usedAsArgument(target, imports, aliasRole(role));
}

/** Each role's alias role, made once: its own id keeps an alias's uses (found without following its aliases) apart in the cache. */
const aliasRoles = new WeakMap<ArgumentRole, ArgumentRole>();

function aliasRole(role: ArgumentRole): ArgumentRole {
  let alias = aliasRoles.get(role);
  if (!alias) aliasRoles.set(role, (alias = { id: `${role.id} alias`, isArgument: role.isArgument, ofAlias: true }));
  return alias;
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
