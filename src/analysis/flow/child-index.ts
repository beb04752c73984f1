import type Parser from 'tree-sitter';
import type { SyntaxNode } from '../syntax.js';
import { startOf } from './node-fields.js';

/**
 * A node's named children with their start offsets, read once; a child's end is read (a call into
 * the binding) only when a search first needs it. Finds the child holding an offset by binary search.
 */
export class ChildIndex {
  private readonly nodes: (SyntaxNode | undefined)[];
  readonly starts: number[];
  private readonly ends: number[];

  /**
   * With a cursor (of the node's tree, reused: making one costs several calls), for a node with
   * many children of which few will be asked for (a module's or class's statements): their ranges
   * are read with the cursor, and a child's node is made only when asked for.
   */
  constructor(
    private readonly parent: SyntaxNode,
    cursor: Parser.TreeCursor | null = null,
  ) {
    if (!cursor) {
      this.nodes = parent.namedChildren;
      this.starts = this.nodes.map((n) => startOf(n!));
      this.ends = new Array<number>(this.nodes.length).fill(-1);
      return;
    }
    this.starts = [];
    this.ends = [];
    // The binding's `reset` takes its node from a buffer shared by all calls, without writing its
    // argument there first; reading a property of the node writes it there.
    void parent.startIndex;
    cursor.reset(parent);
    if (cursor.gotoFirstChild()) {
      do {
        if (cursor.nodeIsNamed) {
          this.starts.push(cursor.startIndex);
          this.ends.push(cursor.endIndex);
        }
      } while (cursor.gotoNextSibling());
    }
    this.nodes = new Array<SyntaxNode | undefined>(this.starts.length);
  }

  /** How many named children. */
  get count(): number {
    return this.starts.length;
  }

  /** The k-th named child. */
  node(k: number): SyntaxNode {
    let node = this.nodes[k];
    if (!node) this.nodes[k] = node = this.parent.namedChild(k)!;
    return node;
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
    if (end < 0) this.ends[k] = end = this.node(k).endIndex;
    return end;
  }
}
