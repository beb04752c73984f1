import type { SyntaxNode } from '../syntax.js';
import { startOf } from './node-fields.js';

/**
 * The nodes of some types in a file (functions, classes), found with one native call, answering
 * "which is the innermost one holding this node" by position: cheaper than walking a node's
 * parents, each of which is a native call.
 */
export class EnclosingNodes {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly nodes: SyntaxNode[] = [];
  /** Index of the innermost node holding node i, or -1. */
  private readonly outer: number[] = [];

  constructor(root: SyntaxNode, types: string[]) {
    const found = root.descendantsOfType(types).map((node) => ({ node, start: startOf(node), end: node.endIndex }));
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const stack: number[] = [];
    for (const [i, f] of found.entries()) {
      while (stack.length > 0 && this.ends[stack[stack.length - 1]!]! <= f.start) stack.pop();
      this.starts.push(f.start);
      this.ends.push(f.end);
      this.nodes.push(f.node);
      this.outer.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
      stack.push(i);
    }
  }

  /** The innermost node strictly holding `node` (not `node` itself), or null. */
  around(node: SyntaxNode): SyntaxNode | null {
    const i = this.indexAround(node);
    return i >= 0 ? this.nodes[i]! : null;
  }

  /** The outermost node holding `node` (not `node` itself), or null. */
  outermost(node: SyntaxNode): SyntaxNode | null {
    let i = this.indexAround(node);
    if (i < 0) return null;
    while (this.outer[i]! >= 0) i = this.outer[i]!;
    return this.nodes[i]!;
  }

  private indexAround(node: SyntaxNode): number {
    const start = startOf(node);
    const end = node.endIndex;
    let lo = 0;
    let hi = this.starts.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= start) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (i >= 0 && (this.ends[i]! < end || (this.starts[i] === start && this.ends[i] === end))) i = this.outer[i]!;
    return i;
  }
}
