import type { ImportMap } from './import-map.js';
import { nameWords } from './secret-names.js';
import { type SyntaxNode, walkDescendants } from './syntax.js';

/** Fields of a lexer's or parser's token, which a credential does not have. */
const SYNTAX_TOKEN_FIELDS = new Set(['start', 'end', 'kind', 'line', 'lineno', 'col', 'column', 'pos', 'start_pos', 'end_pos', 'string', 'prev', 'next']);

/** Parts of a definition's header that stand for the statement of a name inside them. */
const HEADER_PARTS = new Set(['parameters', 'lambda_parameters', 'decorator']);

/** Names of parsing code, where a `token` is a piece of syntax. */
export const PARSER_NAME = /pars|lex|tokeni[sz]|scan|grammar/i;

/**
 * Libraries whose tokens are pieces of text or positions, never credentials: parser and lexer
 * generators (monasca-common's query language is a pyparsing grammar whose parse actions take
 * `tokens`), and Cassandra's driver, whose partition `token` places a row on the ring
 * (monasca-persister logs its batches by token).
 */
const TOKEN_LIBRARIES: ReadonlySet<string> = new Set(['pyparsing', 'ply', 'lark', 'sly', 'parsimonious', 'tokenize', 'pygments', 'sqlparse', 'cassandra']);

/** The last name of an identifier or attribute chain. */
function lastName(node: SyntaxNode): string {
  return node.type === 'attribute' ? (node.childForFieldName('attribute')?.text ?? '') : node.text;
}

/**
 * True when `node` names a lexer's or parser's token rather than a credential: its statement
 * also reads a syntax field of it (`token.start`, `self._lexer.token.line`), or it is a bare
 * `token` inside a parser (a function or class named `rev_parse`, `Lexer`, `tokenize`…) or in a
 * file that imports a library whose tokens are syntax or ring positions (see TOKEN_LIBRARIES;
 * asked only when `imports` is given).
 */
export function isSyntaxToken(node: SyntaxNode, imports?: ImportMap): boolean {
  const words = nameWords(lastName(node));
  if (words[words.length - 1] !== 'token') return false;
  if (imports && node.type === 'identifier' && words.length === 1 && imports.importsFromAny(TOKEN_LIBRARIES)) return true;
  // Its statement; for a parameter or a decorator, the parameter list or the decorator (not the
  // whole class or module around the definition).
  let statement = node.parent;
  while (statement && !statement.type.endsWith('_statement') && statement.type !== 'block' && !HEADER_PARTS.has(statement.type)) statement = statement.parent;
  if (!statement) return false;
  if (node.type === 'identifier' && words.length === 1 && insideParser(statement)) return true;
  let syntax = false;
  // Of a loop, an `if` or a `with` (a name in its header), the header: not the blocks it runs.
  walkDescendants(statement, (n) => {
    if (syntax || n.type === 'block') return false;
    if (n.type === 'attribute' && n.childForFieldName('object')?.text === node.text) {
      syntax = SYNTAX_TOKEN_FIELDS.has(n.childForFieldName('attribute')?.text ?? '');
    }
    return !syntax;
  });
  return syntax;
}

/** True when a function or class around `node` is named like parsing code. */
function insideParser(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    if ((n.type === 'function_definition' || n.type === 'class_definition') && PARSER_NAME.test(n.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}

