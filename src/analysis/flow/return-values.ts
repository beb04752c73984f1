import type { SyntaxNode } from '../syntax.js';

/** Statements and clauses that hold blocks, where a `return` may be. */
const HOLDING_BLOCKS = new Set(['if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'match_statement', 'block', 'elif_clause', 'else_clause', 'except_clause', 'except_group_clause', 'finally_clause', 'case_clause']);

/** A function's `return` statements (not those of functions or classes nested in it), in source order; walks statements only. */
export function returnStatements(fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const walk = (node: SyntaxNode): void => {
    for (const child of node.namedChildren) {
      if (child.type === 'return_statement') out.push(child);
      else if (HOLDING_BLOCKS.has(child.type)) walk(child);
    }
  };
  const body = fn.childForFieldName('body');
  if (body) walk(body);
  return out;
}

/** The values of a function's `return` statements (see returnStatements); a bare `return` gives none. */
export function returnValues(fn: SyntaxNode): SyntaxNode[] {
  return returnStatements(fn).flatMap((r) => r.namedChildren);
}
