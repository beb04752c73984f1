import { enclosingNode, enclosingNodes } from '../../analysis/enclosing-nodes.js';
import { classAttribute } from '../../analysis/flow/class-attributes.js';
import { fileText } from '../../analysis/flow/file-text.js';
import { isConstantString } from '../../analysis/string-literal.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { memoPerTree, type TreeMemo } from '../../analysis/tree-memo.js';
import { constantBinding, fixedBinding, mutatedInFile, rebinds } from './constant-binding.js';
import { constantSeparatorJoin, filledValues, isPlaceholderList } from './fills-only-placeholders.js';
import { isConstantValue } from './is-constant-value.js';
import { loopTableValues } from './loop-table-values.js';
import { expectTrue, type Predicate } from './predicate.js';

// swift builds its schema with `.format(storage_policy_index="0")`, `'BEGIN;' + POLICY_STAT_TABLE_CREATE`
// and `% ('incoming' if incoming else 'outgoing')`: formatted, yet nothing in the text can come
// from outside.

const LOOP_SCOPES = ['for_statement', 'function_definition'];
const UPPER_CASE = /^[A-Z][A-Z0-9_]*$/;

/** A name or attribute spelled as a constant: `TEMPLATE`, `models.TABLE_NAME`, `self.HTML_RESPONSE_TEMPLATE`. */
export function spelledAsConstant(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type === 'identifier') return UPPER_CASE.test(n.text);
  return n.type === 'attribute' && UPPER_CASE.test(n.childForFieldName('attribute')?.text ?? '');
}

/** A literal container of constants, written there or bound once to the name (`fk_tables = ('vnf', 'vims')`). */
function constantContainer(node: SyntaxNode): SyntaxNode | null {
  const n = unwrapParens(node);
  // A name bound once to a literal and then filled (`names = []`, `names.append(x)`) is not the literal.
  const value = n.type === 'identifier' ? (mutatedInFile(n) ? null : constantBinding(n)) : n;
  return value && ['list', 'tuple', 'set', 'dictionary'].includes(unwrapParens(value).type) && isConstantValue(value) ? unwrapParens(value) : null;
}

/**
 * True when `identifier` is read in the body of the nearest loop binding it, a loop over a
 * constant container that its body does not rebind it in: `for table in ('servicetypes', 'vnf'):
 * op.execute(f"ALTER TABLE {table} ...")` (tacker's migrations).
 */
function isConstantLoopElement(identifier: SyntaxNode): boolean {
  for (const at of enclosingNodes(identifier, LOOP_SCOPES)) {
    if (at.type === 'function_definition') return false;
    if (at.type !== 'for_statement' || at.childForFieldName('left')?.text !== identifier.text) continue;
    const body = at.childForFieldName('body');
    const right = at.childForFieldName('right');
    if (!body || !right || identifier.startIndex < body.startIndex) return false;
    return !rebinds(body, identifier.text) && constantContainer(right) !== null;
  }
  return false;
}

/** A value fixed where it is written: a literal, a name bound to one (see constantBinding) or an upper-case constant, a loop's element of a constant container, a constant mapping read with a fixed key, a choice between such, or a placeholder list. */
export function isFixedValue(node: SyntaxNode, depth = 0): boolean {
  const n = unwrapParens(node);
  if (isConstantValue(n) || isPlaceholderList(n)) return true;
  if (depth > 4) return false;
  if (n.type === 'conditional_expression') {
    const [consequence, , alternative] = n.namedChildren.filter((c) => c.type !== 'comment');
    return consequence !== undefined && alternative !== undefined && isFixedValue(consequence, depth + 1) && isFixedValue(alternative, depth + 1);
  }
  if (spelledAsConstant(n)) return true;
  if (n.type === 'identifier') {
    const bound = constantBinding(n);
    if ((bound !== null && isFixedValue(bound, depth + 1)) || isConstantLoopElement(n)) return true;
  }
  // A loop's name, or a fixed position of it, over rows written out (`for label, command in ONELINERS`).
  const rows = n.type === 'identifier' || n.type === 'subscript' ? loopTableValues(n) : null;
  if (rows !== null) return rows.length > 0 && rows.every((v) => isFixedValue(v, depth + 1));
  if (n.type === 'identifier') return false;
  // `",".join(self.columns)`: a constant separator's join of fixed values (sf-config's status page).
  const joined = constantSeparatorJoin(n);
  if (joined !== null) return isFixedValue(joined, depth + 1);
  // `self.columns`, a class that gives it only fixed values (`columns = ["zuul_build.uuid", …]` in its body).
  if (isSelfAttribute(n)) {
    const values = classValues(n);
    return values.length > 0 && values.every((v) => v !== null && isFixedValue(v, depth + 1));
  }
  // `fk_prefixes[table]`: a constant mapping read with a fixed key.
  if (n.type === 'subscript') {
    const index = n.childForFieldName('subscript');
    return constantContainer(n.childForFieldName('value')!) !== null && index !== null && isFixedValue(index, depth + 1);
  }
  return false;
}

/** `self.x` or `cls.x`. */
function isSelfAttribute(n: SyntaxNode): boolean {
  const object = n.type === 'attribute' ? n.childForFieldName('object') : null;
  return object?.type === 'identifier' && (object.text === 'self' || object.text === 'cls');
}

/** The values the enclosing class gives the attribute `self.x` reads: in its methods and in its body (see classAttribute). */
function classValues(n: SyntaxNode): (SyntaxNode | null)[] {
  const cls = enclosingNode(n, ['class_definition']);
  const attr = n.childForFieldName('attribute')?.text;
  if (!cls || !attr) return [];
  const root = n.tree.rootNode;
  return classAttribute(cls, attr, fileText(root), root, (x) => enclosingNode(x, ['class_definition'])).map((d) => d.value);
}

interface ChainFacts {
  /** Parts that are not string literals. */
  values: number;
  /** Every such part is a fixed value (see isFixedValue). */
  fixed: boolean;
}

const chains: TreeMemo<number, ChainFacts> = new WeakMap();

/** What the parts of a `+` chain fill in, or null when `node` is no `+`. Remembered per `+` node: each `+` of a long chain is asked in turn, and the chain is read once. */
function chainFacts(node: SyntaxNode): ChainFacts | null {
  const n = unwrapParens(node);
  if (n.type !== 'binary_operator' || n.childForFieldName('operator')?.type !== '+') return null;
  return memoPerTree(chains, n.tree, n.id, () => {
    const facts = { values: 0, fixed: true };
    for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) {
      if (!side) continue;
      const part = chainFacts(side) ?? (isConstantString(unwrapParens(side)) ? { values: 0, fixed: true } : { values: 1, fixed: isFixedValue(side) });
      facts.values += part.values;
      facts.fixed &&= part.fixed;
    }
    return facts;
  });
}

/** Whether a formatted string (f-string, `%`, `.format()`, `+` or a constant separator's join of a list written out) fills in only values fixed in the code (see isFixedValue). */
export function fillsOnlyConstantsIn(node: SyntaxNode): boolean {
  const values = filledValues(node);
  if (values !== null) return values.length > 0 && values.every((v) => isFixedValue(v));
  const chain = chainFacts(node);
  return chain !== null && chain.values > 0 && chain.fixed;
}

/** The captured formatted string fills in only values fixed in the code (see isFixedValue); a name bound once to such a string too. */
export const fillsOnlyConstants: Predicate = {
  name: 'fills-only-constants',
  description:
    'The captured formatted string (f-string, `%`, `.format()`, `+`, or a list written out joined with a constant separator: `"".join([OVS_APPCTL, " --target=", SOCKET])`), or a name bound once to one (`source_command = f"source {OPENRC_PATH} && env"`; not a parameter\'s default, which a caller may replace), fills in only values fixed in the code: literals, upper-case constants, names bound once to a literal (a module constant, a parameter default, a local assigned once), the element of a loop over a constant list or tuple (or a fixed position of each row of one: `for label, command in ONELINERS`), a constant dict read with a fixed key, a choice between such (`\'incoming\' if incoming else \'outgoing\'`), or placeholder lists; use under `not:`.',
  checkArg: expectTrue,
  test: (node) => inItOrItsBinding(node, fillsOnlyConstantsIn),
};

/** Whether `test` holds for `node`, or for the value a name `node` is bound to once (see fixedBinding). */
export function inItOrItsBinding(node: SyntaxNode, test: (value: SyntaxNode) => boolean): boolean {
  if (test(node)) return true;
  const n = unwrapParens(node);
  const bound = n.type === 'identifier' ? fixedBinding(n) : null;
  return bound !== null && test(bound);
}
