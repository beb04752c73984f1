import type { ImportMap } from '../../analysis/import-map.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { callerSink } from './reaches-caller.js';
import { revealsException } from './reveals-exception.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The node types DS301's query starts from: a call, an f-string, a `%` and an attribute read. */
const CANDIDATES = new Set(['call', 'string', 'binary_operator', 'attribute']);

/**
 * True when some expression inside `node` is what DS301 (exception-detail-to-caller) reports: it
 * lies in an `except` clause, renders a broadly caught exception or a traceback
 * (`reveals-exception`) and reaches the caller through containers and formatting
 * (`reaches-caller`). The flow rule DS303 leaves such a sink to DS301, so a line is reported once.
 */
export function holdsRevealedException(node: SyntaxNode, imports: ImportMap): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (CANDIDATES.has(n.type) && insideExcept(n) && revealsException(n, imports) && callerSink(n, imports) !== null) return true;
    for (const child of n.namedChildren) stack.push(child);
  }
  return false;
}

function insideExcept(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'except_clause') return true;
  return false;
}

/** The capture holds an expression DS301 reports (a broadly caught exception's text or a traceback sent to the caller). */
export const holdsRevealedExceptionPredicate: Predicate = {
  name: 'holds-revealed-exception',
  description:
    'Some expression inside the capture is what `reveals-exception` and `reaches-caller` both accept, inside an `except` clause: the text of a broadly caught exception or a traceback, written straight into a response (DS301\'s finding). Use under `not:` so that a flow rule leaves that line to DS301.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => holdsRevealedException(node, ctx.imports),
};
