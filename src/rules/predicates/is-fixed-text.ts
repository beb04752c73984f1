import { isConstantString } from '../../analysis/string-literal.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { fixedBinding, mutatedInFile } from './constant-binding.js';
import { fillsOnlyConstantsIn } from './fills-only-constants.js';
import { loopTableValues } from './loop-table-values.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Names bound to names (`doc = template`) are followed this far. */
const MAX_HOPS = 4;

/**
 * True when `node` is text the code fixes: a constant string, a formatted string that fills in
 * only values fixed in the code (sahara's `'<%s to="%s"/>' % ("ok", "end")`, see
 * fills-only-constants), or a name bound once to either (see constantBinding), a parameter's
 * default aside.
 */
export function isFixedText(node: SyntaxNode, hops = 0): boolean {
  let n = unwrapParens(node);
  for (; n.type === 'identifier' && hops < MAX_HOPS; hops++) {
    const bound = fixedBinding(n);
    if (!bound) return loopOfFixedTexts(n, hops);
    n = unwrapParens(bound);
  }
  if (isConstantString(n) || fillsOnlyConstantsIn(n)) return true;
  if (n.type === 'subscript' && loopTableValues(n) !== null) return loopOfFixedTexts(n, hops);
  // One entry of a table of fixed texts, whatever the key: ovn-bgp-agent's
  // `Template(vrf_templates.get(action))` with `vrf_templates = {'add-vrf': ADD_VRF_TEMPLATE, …}`.
  const table = tableRead(n);
  return table !== null && hops < MAX_HOPS && tableOfFixedTexts(table, hops + 1);
}

/** A loop's name, or a fixed position of it, over a table written out whose every value it takes is fixed text (see loopTableValues). */
function loopOfFixedTexts(n: SyntaxNode, hops: number): boolean {
  const values = hops < MAX_HOPS ? loopTableValues(n) : null;
  return values !== null && values.length > 0 && values.every((v) => isFixedText(v, hops + 1));
}

/** The table `t` of `t[k]`, `t.get(k)` or `t.get(k, default)`, with the default if any; null for anything else. */
function tableRead(n: SyntaxNode): { table: SyntaxNode; fallback: SyntaxNode | null } | null {
  if (n.type === 'subscript') {
    const table = n.childForFieldName('value');
    return table ? { table, fallback: null } : null;
  }
  if (n.type !== 'call') return null;
  const fn = n.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'get') return null;
  const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const table = fn.childForFieldName('object');
  if (!table || args.length < 1 || args.length > 2 || args.some((a) => a.type === 'keyword_argument' || a.type.endsWith('splat'))) return null;
  return { table, fallback: args[1] ?? null };
}

/** A name bound once (not a parameter) to a dict, list or tuple whose every value is fixed text; a `.get` default too. */
function tableOfFixedTexts({ table, fallback }: { table: SyntaxNode; fallback: SyntaxNode | null }, hops: number): boolean {
  if (fallback !== null && !isFixedText(fallback, hops) && unwrapParens(fallback).type !== 'none') return false;
  let t = unwrapParens(table);
  if (t.type === 'identifier') {
    // A table filled after it is written (`templates[k] = v`) holds more than its literal.
    const bound = mutatedInFile(t) ? null : fixedBinding(t);
    if (!bound) return false;
    t = unwrapParens(bound);
  }
  const entries = t.type === 'dictionary'
    ? t.namedChildren.filter((c) => c.type !== 'comment').map((c) => (c.type === 'pair' ? c.childForFieldName('value') : null))
    : t.type === 'list' || t.type === 'tuple' ? t.namedChildren.filter((c) => c.type !== 'comment') : [];
  return entries.length > 0 && entries.every((v) => v !== null && isFixedText(v, hops));
}

/** The capture is text fixed in the code, written there or bound once to the name. */
export const isFixedTextPredicate: Predicate = {
  name: 'is-fixed-text',
  description:
    'The captured expression is text fixed in the code: a constant string, a formatted string that fills in only values fixed in the code (as `fills-only-constants` judges: `\'<%s to="%s"/>\' % ("ok", "end")`), or a name bound once to either (a local assigned once, a module constant; not a parameter, whatever its default), or one entry of a table of such texts read with any key (`templates[action]`, `templates.get(action)`), or a loop\'s name, or a fixed position of it, over a list of such texts or of rows of them written out (`for i in ONELINERS: run(i[-1])`, `for label, command in ONELINERS`); use under `not:` to spare a parse of a document the code writes itself.',
  checkArg: expectTrue,
  test: (node) => isFixedText(node),
};
