import type Parser from 'tree-sitter';
import { BINDERS, bindingTarget, boundNames } from '../../analysis/binding-target.js';
import { enclosingNode } from '../../analysis/enclosing-nodes.js';
import { statementHolding } from '../../analysis/block-statements.js';
import { memoPerTree, type TreeMemo } from '../../analysis/tree-memo.js';
import { fileText } from '../../analysis/flow/file-text.js';
import type { SyntaxNode } from '../../analysis/syntax.js';

/** The statement lists a read's statement sits in. */
const BLOCKS = ['block', 'module'];

/** Per statement and name, whether the statement binds the name (see bindingJustBefore). */
const statementRebinds: TreeMemo<string, boolean> = new WeakMap();


/** The scopes a name's binding is looked up in first. */
export const FUNCTIONS = ['function_definition', 'lambda'];
const DEFAULTS = new Set(['default_parameter', 'typed_default_parameter']);

/** True when `value` is a parameter's default (`def f(x=1)`): only what a caller that passes nothing gets. */
export function isParameterDefault(value: SyntaxNode): boolean {
  return DEFAULTS.has(value.parent?.type ?? '');
}

/** What `identifier` is bound to once in its file (see constantBinding), unless that is a parameter's default: only what a caller that passes nothing gets. */
export function fixedBinding(identifier: SyntaxNode): SyntaxNode | null {
  const bound = constantBinding(identifier);
  return bound && !isParameterDefault(bound) ? bound : null;
}

/** Methods that change a list, set or dict in place (the flow layer's ADDING_METHODS, and removal). */
const MUTATING = 'append|extend|insert|update|add|setdefault|appendleft|pop|remove|clear|discard|__setitem__';

/** Per tree and name, whether the file changes the name's value in place (see mutatedInFile). */
const mutations: TreeMemo<string, boolean> = new WeakMap();

/**
 * True when the file changes, in place, a value a name of this spelling holds: `name.append(x)`,
 * `name.update(…)`, `name[k] = v`, `name += …`. A container bound once to a literal
 * (`bridges_phy = []`) and then filled is not that literal (StarlingX's OVS plugin loops over it).
 * Read from the file's text once per name, wherever the change is (a module constant may be
 * filled in any function).
 */
export function mutatedInFile(identifier: SyntaxNode): boolean {
  return memoPerTree(mutations, identifier.tree, identifier.text, () => {
    const name = identifier.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\w.])${name}\\s*(?:\\.\\s*(?:${MUTATING})\\s*\\(|\\[[^\\]\\n]*\\]\\s*=(?!=)|\\+=|\\|=)`);
    return pattern.test(fileText(identifier.tree.rootNode));
  });
}

/** True when `scope` (re)binds `name` anywhere inside it: `name = …`, `name += …`, `for name in …`, `as name`, `name := …`. */
export function rebinds(scope: SyntaxNode, name: string): boolean {
  for (const node of scope.descendantsOfType([...BINDERS])) {
    const target = bindingTarget(node);
    if (!target) continue;
    const names = boundNames(target);
    if (names.some((n) => n.text === name)) return true;
  }
  return false;
}

/**
 * The value of `name = value` when that is the only binding of `name` in a function's body, or
 * each binding is `name = ` the same text (no other assignment, loop, `with`, walrus, `del` or
 * `global`/`nonlocal` of it, nested functions included): wherever the name is read in the
 * function, it holds that value or nothing. Null otherwise.
 */
function localBinding(body: SyntaxNode, name: string): SyntaxNode | null {
  let value: SyntaxNode | null = null;
  for (const node of body.descendantsOfType([...BINDERS, 'global_statement', 'nonlocal_statement', 'delete_statement'])) {
    if (node.type === 'global_statement' || node.type === 'nonlocal_statement' || node.type === 'delete_statement') {
      if (node.descendantsOfType('identifier').some((n) => n.text === name)) return null;
      continue;
    }
    const target = bindingTarget(node);
    if (!target) continue;
    const names = boundNames(target);
    if (!names.some((n) => n.text === name)) continue;
    const right = node.childForFieldName('right');
    if (node.type !== 'assignment' || target.type !== 'identifier' || !right || right.type === 'assignment') return null;
    // Assigned again, the same text each time (heat's `cmd = "heat-manage purge_deleted 0"` twice): still one value.
    if (value !== null && value.text !== right.text) return null;
    value ??= right;
  }
  return value;
}

/**
 * The value of `name = value` written as the statement just before the one that reads the name,
 * in the same block: whatever else binds the name in the function, that assignment is the one the
 * read sees (ovs_interface's `cmd = "".join([...])` then `execute(cmd, shell=True)`, `cmd` bound
 * again further down). Null when the statement reading the name binds it too.
 */
function bindingJustBefore(identifier: SyntaxNode): SyntaxNode | null {
  // The block by position (no walk up: a hostile line nests thousands deep), then its statement holding the read.
  const block = enclosingNode(identifier, BLOCKS) ?? identifier.tree.rootNode;
  const holding = statementHolding(block, identifier);
  if (!holding) return null;
  const { statements } = holding;
  let { at } = holding;
  const statement = statements[at]!;
  let previous: SyntaxNode | undefined;
  do previous = statements[--at];
  while (previous?.type === 'comment');
  const assignment = previous?.type === 'expression_statement' ? previous.namedChildren[0] : null;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== identifier.text || assignment.childForFieldName('left')?.type !== 'identifier') return null;
  const right = assignment.childForFieldName('right');
  // Whether the reading statement binds the name too: asked once per statement and name.
  if (!right || right.type === 'assignment' || memoPerTree(statementRebinds, statement.tree, `${statement.id}:${identifier.text}`, () => rebinds(statement, identifier.text))) return null;
  return right;
}

/** The default of parameter `name` of `fn`, or null when it has none. */
function parameterDefault(fn: SyntaxNode, name: string): SyntaxNode | null | undefined {
  const params = fn.childForFieldName('parameters');
  for (const param of params?.namedChildren ?? []) {
    if (DEFAULTS.has(param.type) && param.childForFieldName('name')?.text === name) return param.childForFieldName('value');
    const plain = param.type === 'identifier' ? param : param.type === 'typed_parameter' ? param.namedChildren[0] : null;
    if (plain?.text === name) return null;
  }
  return undefined;
}

/**
 * The one expression an identifier is bound to in its file, or null: the default of a parameter of
 * the enclosing function that the function never rebinds (`def gen(bits=1024)`), the value of the
 * enclosing function's only assignment to a local name (`cmd = "heat-manage purge_deleted 0"`) or of
 * the assignment written just before the statement reading it (see bindingJustBefore), or the value of a
 * module-level name assigned exactly once, at the top level, and not rebound in the enclosing
 * function (`MODE = 0o777`). A deliberately small step, not data flow: no other assignment counts.
 * `justBefore: false` leaves the assignment just before out: the answer is then the same for every
 * read of the name in its function (what a cache per function and name needs).
 */
export function constantBinding(identifier: SyntaxNode, justBefore = true): SyntaxNode | null {
  if (identifier.type !== 'identifier') return null;
  const name = identifier.text;
  const fn = enclosingNode(identifier, FUNCTIONS);
  if (fn) {
    const body = fn.childForFieldName('body');
    const fromDefault = parameterDefault(fn, name);
    if (fromDefault !== undefined) return fromDefault && body && !rebinds(body, name) ? fromDefault : null;
    if (body && rebinds(body, name)) return localBinding(body, name) ?? (justBefore ? bindingJustBefore(identifier) : null);
  }
  return moduleBindings(identifier.tree).get(name) ?? null;
}

const moduleBindingsOf = new WeakMap<Parser.Tree, Map<string, SyntaxNode | null>>();

/** Per module-level name, the value of its one top-level assignment; null when assigned more than once or augmented. Built once per tree: a file of many findings does not rescan its module per finding. */
function moduleBindings(tree: Parser.Tree): Map<string, SyntaxNode | null> {
  let bindings = moduleBindingsOf.get(tree);
  if (bindings) return bindings;
  bindings = new Map();
  for (const statement of tree.rootNode.namedChildren) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') continue;
    const left = assignment.childForFieldName('left');
    if (left?.type !== 'identifier') continue;
    const once = !bindings.has(left.text) && assignment.type === 'assignment';
    bindings.set(left.text, once ? assignment.childForFieldName('right') : null);
  }
  moduleBindingsOf.set(tree, bindings);
  return bindings;
}
