import type Parser from 'tree-sitter';
import type { SyntaxNode } from './syntax.js';

/** Statements that end where their node ends. */
const SIMPLE = new Set([
  'expression_statement', 'return_statement', 'assert_statement', 'delete_statement', 'raise_statement', 'import_statement',
  'import_from_statement', 'future_import_statement', 'global_statement', 'nonlocal_statement', 'print_statement', 'exec_statement',
  'type_alias_statement', 'pass_statement', 'break_statement', 'continue_statement', 'decorator',
]);

/** Statements with a header (up to its `:`) and a body: only the header is the statement a finding in it belongs to. */
const COMPOUND = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'with_statement', 'try_statement', 'except_clause',
  'except_group_clause', 'finally_clause', 'function_definition', 'class_definition', 'match_statement', 'case_clause',
]);

/** Nodes holding statements: walked into, their expressions never. */
const CONTAINERS = new Set(['module', 'block', 'decorated_definition']);

/**
 * The lines of the statement holding a node, where a suppression comment counts (as Bandit reads
 * `# nosec` on any line of a multi-line statement): a simple statement's whole span; for a node
 * in a compound statement's header (`if cond:`, `def f(...):`), the header up to its colon, never
 * the body; a node outside any statement, its own lines. Found for each node by walking down from
 * the root with one cursor through the statements holding it (never into an expression: `a+a+…`
 * nests thousands deep), so a file with a few findings does not list all its statements.
 */
export class StatementLines {
  private readonly cursor: Parser.TreeCursor;
  /** Every statement listed, built only when a compound statement without a colon makes spans nest. */
  private listed: ListedStatements | null = null;

  constructor(private readonly root: SyntaxNode) {
    this.cursor = root.walk();
  }

  /** 1-based first and last lines of the statement holding `node` (its own lines outside any). */
  of(node: SyntaxNode): { first: number; last: number } {
    const found = this.descend(node.startIndex);
    if (found === 'nested') return (this.listed ??= new ListedStatements(this.root)).of(node);
    return found ?? { first: node.startPosition.row + 1, last: node.endPosition.row + 1 };
  }

  /** The statement span holding `at`, null when none does, 'nested' when a header has no colon. */
  private descend(at: number): { first: number; last: number } | null | 'nested' {
    const cursor = this.cursor;
    // See OffsetFinder.seek: reading a property of the root puts it where `reset` reads it.
    void this.root.startIndex;
    cursor.reset(this.root);
    for (;;) {
      // The child that ends after `at` (the binding returns its index or null); one starting after it means no child holds `at`.
      if ((cursor.gotoFirstChildForIndex(at) as unknown as number | null) === null || cursor.startIndex > at) return null;
      const type = cursor.nodeType;
      if (SIMPLE.has(type)) return { first: cursor.startPosition.row + 1, last: cursor.endPosition.row + 1 };
      if (COMPOUND.has(type)) {
        const start = cursor.startIndex;
        const first = cursor.startPosition.row + 1;
        // The header ends at the last `:` before the body.
        let colonEnd = -1;
        let colonRow = 0;
        if (cursor.gotoFirstChild()) {
          do {
            const part = cursor.nodeType;
            if (part === 'block') break;
            if (part === ':') {
              colonEnd = cursor.endIndex;
              colonRow = cursor.endPosition.row;
            }
          } while (cursor.gotoNextSibling());
          cursor.gotoParent();
        }
        if (colonEnd === -1) return 'nested';
        if (at >= start && at < colonEnd) return { first, last: colonRow + 1 };
      } else if (!CONTAINERS.has(type)) return null;
    }
  }
}

/** Every statement span of a file, listed by one walk and found by binary search (the rule before StatementLines walked down). */
class ListedStatements {
  /** Start offsets, end offsets and 1-based first and last lines, in source order. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly firsts: number[] = [];
  private readonly lasts: number[] = [];

  constructor(root: SyntaxNode) {
    this.visit(root);
  }

  /** 1-based first and last lines of the statement holding `node` (its own lines outside any). */
  of(node: SyntaxNode): { first: number; last: number } {
    const at = node.startIndex;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > at) hi = mid - 1;
      else if (this.ends[mid]! <= at) lo = mid + 1;
      else return { first: this.firsts[mid]!, last: this.lasts[mid]! };
    }
    return { first: node.startPosition.row + 1, last: node.endPosition.row + 1 };
  }

  private visit(node: SyntaxNode): void {
    for (const child of node.children) {
      const type = child.type;
      if (SIMPLE.has(type)) this.add(child.startIndex, child.endIndex, child.startPosition.row, child.endPosition.row);
      else if (COMPOUND.has(type)) {
        let colon: SyntaxNode | null = null;
        for (const part of child.children) {
          if (part.type === 'block') break;
          if (part.type === ':') colon = part;
        }
        const end = colon ?? child;
        this.add(child.startIndex, end.endIndex, child.startPosition.row, end.endPosition.row);
        this.visit(child);
      } else if (CONTAINERS.has(type)) this.visit(child);
    }
  }

  private add(start: number, end: number, firstRow: number, lastRow: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.firsts.push(firstRow + 1);
    this.lasts.push(lastRow + 1);
  }
}
