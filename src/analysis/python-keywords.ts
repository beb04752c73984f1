/**
 * Node types of the Python grammar whose text always holds a keyword as a whole token: a pattern
 * that needs such a node can only match where the keyword is written. Checked against the
 * grammar by test/analysis/python-keywords.test.ts.
 */
export const KEYWORD_OF_NODE_TYPE: ReadonlyMap<string, string> = new Map([
  ['assert_statement', 'assert'],
  ['raise_statement', 'raise'],
  ['return_statement', 'return'],
  ['pass_statement', 'pass'],
  ['continue_statement', 'continue'],
  ['break_statement', 'break'],
  ['delete_statement', 'del'],
  ['global_statement', 'global'],
  ['nonlocal_statement', 'nonlocal'],
  ['import_statement', 'import'],
  ['import_from_statement', 'import'],
  ['if_statement', 'if'],
  ['elif_clause', 'elif'],
  ['else_clause', 'else'],
  ['for_statement', 'for'],
  ['while_statement', 'while'],
  ['try_statement', 'try'],
  ['except_clause', 'except'],
  ['finally_clause', 'finally'],
  ['with_statement', 'with'],
  ['function_definition', 'def'],
  ['class_definition', 'class'],
  ['lambda', 'lambda'],
  ['await', 'await'],
  ['yield', 'yield'],
  ['not_operator', 'not'],
  ['conditional_expression', 'if'],
  ['true', 'True'],
  ['false', 'False'],
  ['none', 'None'],
]);
