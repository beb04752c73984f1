import type Parser from 'tree-sitter';
import type { SyntaxNode } from './syntax.js';

/**
 * Finds, for offsets in one tree, the outermost node holding the offset whose type passes a test,
 * walking down from the root with one reused cursor. Descending costs the tree's depth; climbing
 * `.parent` from a leaf costs its square (tree-sitter finds a parent by walking down from the root).
 */
export class OffsetFinder {
  private readonly cursor: Parser.TreeCursor;

  constructor(private readonly root: SyntaxNode) {
    this.cursor = root.walk();
  }

  /**
   * Moves to the outermost node holding `offset` whose type passes `stop`; false when the path
   * to the offset ends first (a leaf, or a gap between children). Then `start`, `end` and `node()`
   * describe the node found.
   */
  seek(offset: number, stop: (type: string) => boolean): boolean {
    const cursor = this.cursor;
    // The binding's `reset` takes its node from a buffer shared by all calls, without writing its
    // argument there first; reading a property of the root writes the root there.
    void this.root.startIndex;
    cursor.reset(this.root);
    for (;;) {
      if (stop(cursor.nodeType)) return true;
      // The child that ends after `offset`. (The binding returns the child's index or null, not
      // the boolean its types declare.) One that starts after it means `offset` is in a gap.
      const child = cursor.gotoFirstChildForIndex(offset) as unknown as number | null;
      if (child === null || cursor.startIndex > offset) return false;
    }
  }

  get start(): number {
    return this.cursor.startIndex;
  }

  get end(): number {
    return this.cursor.endIndex;
  }

  get type(): string {
    return this.cursor.nodeType;
  }

  /** The node found by the last successful seek. */
  node(): SyntaxNode {
    return this.cursor.currentNode;
  }
}
