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

/**
 * The 1-based first and last lines of the statement holding `node`, where a suppression comment
 * counts (as Bandit reads `# nosec` on any line of a multi-line statement): a simple statement's
 * whole span; for a node in a compound statement's header (`if cond:`, `def f(...):`), the header
 * up to its colon, never the body. A node outside any statement gives its own lines.
 */
export function statementLines(node: SyntaxNode): { first: number; last: number } {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    if (n.type === 'block' || n.type === 'module') break;
    if (SIMPLE.has(n.type)) return { first: n.startPosition.row + 1, last: n.endPosition.row + 1 };
    if (COMPOUND.has(n.type)) {
      let colon: SyntaxNode | null = null;
      for (const child of n.children) {
        if (child.type === 'block') break;
        if (child.type === ':') colon = child;
      }
      return { first: n.startPosition.row + 1, last: (colon ?? n).endPosition.row + 1 };
    }
  }
  return { first: node.startPosition.row + 1, last: node.endPosition.row + 1 };
}
