import type { SyntaxNode } from '../syntax.js';
import { startOf } from './node-fields.js';

/**
 * A node's named children with their start offsets, read once; a child's end is read (a call into
 * the binding) only when a search first needs it. Finds the child holding an offset by binary search.
 */
export class ChildIndex {
  readonly nodes: SyntaxNode[];
  readonly starts: number[];
  private readonly ends: number[];

  constructor(node: SyntaxNode) {
    this.nodes = node.namedChildren;
    this.starts = this.nodes.map(startOf);
    this.ends = new Array<number>(this.nodes.length).fill(-1);
  }

  /** The index of the last child starting at or before `offset`, or -1: the only one that may hold it (children do not overlap). */
  lastStartingBy(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The index of the first child ending after `offset` (the one holding it, else the next), or the count when none does. */
  firstEndingAfter(offset: number): number {
    const k = this.lastStartingBy(offset);
    return k >= 0 && offset < this.endOf(k) ? k : k + 1;
  }

  /** The index of the child holding the character at `offset`, or -1. */
  holding(offset: number): number {
    const k = this.lastStartingBy(offset);
    return k >= 0 && offset < this.endOf(k) ? k : -1;
  }

  endOf(k: number): number {
    let end = this.ends[k]!;
    if (end < 0) this.ends[k] = end = this.nodes[k]!.endIndex;
    return end;
  }
}
