import { isSyntaxToken } from '../../analysis/syntax-token.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The captured `token` is a lexer's or parser's token (or a ring position), not a credential: see isSyntaxToken. */
export const isSyntaxTokenPredicate: Predicate = {
  name: 'is-syntax-token',
  description:
    'The captured name or attribute ending in `token` is a piece of syntax, not a credential: its statement reads a syntax field of it (`token.start`, `token.line`), or it is a bare `token` inside a function or class named like parsing code (`Lexer`, `rev_parse`, `tokenize`) or in a file that imports a parser library (pyparsing, ply, lark, sly, parsimonious, tokenize, pygments, sqlparse) or Cassandra\'s driver (a partition token). Use under `not:`.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => isSyntaxToken(node, ctx.imports),
};
