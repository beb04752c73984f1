import Parser from 'tree-sitter';
import { python } from '../analysis/python-parser.js';

/** Compiled queries by text, in this thread: rules with one query (DS706, DS111, DS139), lists borrowed with `from:` and the rule sets of successive reviews (which differ in severities, not queries) compile each text once. */
const compiled = new Map<string, Parser.Query>();

/** Bound on the texts kept: far above the bundled rules' 90 or so, so it is reached only by many distinct user rule sets. */
const MAX_QUERIES = 1024;

/** `source` compiled for the Python grammar, once per text; throws tree-sitter's error as `new Parser.Query` does. */
export function compiledQuery(source: string): Parser.Query {
  let query = compiled.get(source);
  if (!query) {
    query = new Parser.Query(python, source);
    if (compiled.size >= MAX_QUERIES) compiled.clear();
    compiled.set(source, query);
  }
  return query;
}
