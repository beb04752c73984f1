import type Parser from 'tree-sitter';
import type { SyntaxNode } from './syntax.js';

/** A test of node types, asked once per type id and remembered: it must depend on the type alone. */
export type StopTest = (type: string) => boolean;

/**
 * Finds, for offsets in one tree, the outermost node holding the offset whose type passes a test,
 * walking down with one reused cursor. Descending costs the tree's depth; climbing `.parent` from
 * a leaf costs its square (tree-sitter finds a parent by walking down from the root), so a seek
 * climbs the cursor's own stack instead, only as far as the nearest node holding the next offset.
 */
export class OffsetFinder {
  private readonly cursor: Parser.TreeCursor;
  /** The test of the last seek: the cursor's node and its ancestors failed it (but the node, after a success). */
  private lastStop: StopTest | null = null;
  private depth = 0;
  /** Per test, its answer by type id (undefined: not asked yet); reading a type's name costs a string per call. */
  private readonly answers = new Map<StopTest, (boolean | undefined)[]>();

  constructor(private readonly root: SyntaxNode) {
    this.cursor = root.walk();
  }

  /**
   * Moves to the outermost node holding `offset` whose type passes `stop`; false when the path
   * to the offset ends first (a leaf, or a gap between children). Then `start`, `end` and `node()`
   * describe the node found. Seeks with one test in ascending offsets cost least.
   */
  seek(offset: number, stop: StopTest): boolean {
    const cursor = this.cursor;
    let answers = this.answers.get(stop);
    if (!answers) this.answers.set(stop, (answers = []));
    if (stop === this.lastStop) {
      // Every ancestor of the cursor's node failed `stop`, so the walk from the root passes through
      // the nearest one holding `offset` (siblings do not overlap): it starts there. (The end is
      // read first: climbing past the last node found needs no start.)
      while (this.depth > 0 && !(offset < cursor.endIndex && cursor.startIndex <= offset)) {
        cursor.gotoParent();
        this.depth--;
      }
    } else {
      // The binding's `reset` takes its node from a buffer shared by all calls, without writing its
      // argument there first; reading a property of the root writes the root there.
      void this.root.startIndex;
      cursor.reset(this.root);
      this.depth = 0;
      this.lastStop = stop;
    }
    for (;;) {
      const id = cursor.nodeTypeId;
      let passes = answers[id];
      if (passes === undefined) passes = answers[id] = stop(cursor.nodeType);
      // The child taken at each step is the first that ends after `offset`; one that starts after
      // it means `offset` is in a gap, and so do all its descendants: one start read at the end
      // tells whether the path met a gap. (The binding returns the child's index or null, not the
      // boolean its types declare.)
      if (passes) return cursor.startIndex <= offset;
      if ((cursor.gotoFirstChildForIndex(offset) as unknown as number | null) === null) return false;
      this.depth++;
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
