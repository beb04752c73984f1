import { lowerBound, occursWithin } from '../lower-bound.js';
import type { SyntaxNode } from '../syntax.js';
import { startOf } from './node-fields.js';
import type { NameFocus } from './scope-definitions.js';

/**
 * Answers "does this node (which of its children) mention the name" from the name's offsets in
 * the text (`at`, ascending, covering at least the nodes asked about), by binary search. A child
 * is fetched from the offset it must hold (one call into the binding, and one node made, per
 * child that mentions the name) rather than by listing every child: most statements of a block
 * do not mention a given name.
 */
export function focusOn(at: readonly number[], endOf: (node: SyntaxNode) => number): NameFocus {
  return {
    mentions: (n) => occursWithin(at, startOf(n), endOf(n)),
    childrenMentioning: (n) => {
      const end = endOf(n);
      let i = lowerBound(at, startOf(n));
      const out: SyntaxNode[] = [];
      while (i < at.length && at[i]! < end) {
        // The first named child ending after the offset: the one holding it, if any (children do not overlap).
        const child = n.firstNamedChildForIndex(at[i]!);
        if (!child) break;
        const start = startOf(child);
        // The offset lies between children (in a keyword, punctuation), and so do those before the child.
        if (start > at[i]!) {
          i = lowerBound(at, start);
          continue;
        }
        out.push(child);
        i = lowerBound(at, endOf(child));
      }
      return out;
    },
    occursAt: (offset) => at[lowerBound(at, offset)] === offset,
  };
}
