import { isConstantString } from '../../analysis/string-literal.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { constantBinding, isParameterDefault } from './constant-binding.js';
import { fillsOnlyConstantsIn } from './fills-only-constants.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Names bound to names (`doc = template`) are followed this far. */
const MAX_HOPS = 4;

/**
 * True when `node` is text the code fixes: a constant string, a formatted string that fills in
 * only values fixed in the code (sahara's `'<%s to="%s"/>' % ("ok", "end")`, see
 * fills-only-constants), or a name bound once to either (see constantBinding), a parameter's
 * default aside.
 */
export function isFixedText(node: SyntaxNode): boolean {
  let n = unwrapParens(node);
  for (let hop = 0; n.type === 'identifier' && hop < MAX_HOPS; hop++) {
    const bound = constantBinding(n);
    // A parameter's default is only what a caller that passes nothing gets.
    if (!bound || isParameterDefault(bound)) return false;
    n = unwrapParens(bound);
  }
  return isConstantString(n) || fillsOnlyConstantsIn(n);
}

/** The capture is text fixed in the code, written there or bound once to the name. */
export const isFixedTextPredicate: Predicate = {
  name: 'is-fixed-text',
  description:
    'The captured expression is text fixed in the code: a constant string, a formatted string that fills in only values fixed in the code (as `fills-only-constants` judges: `\'<%s to="%s"/>\' % ("ok", "end")`), or a name bound once to either (a local assigned once, a module constant; not a parameter, whatever its default); use under `not:` to spare a parse of a document the code writes itself.',
  checkArg: expectTrue,
  test: (node) => isFixedText(node),
};
