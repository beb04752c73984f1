import type Parser from 'tree-sitter';
import { cheaperQuery } from './cheaper-query.js';
import { compiledQuery } from './query-cache.js';

/** Several owners' query texts compiled as one query, and which owner each of its patterns came from. */
export interface JoinedQuery<T> {
  query: Parser.Query;
  /** The text compiled: each owner's query written cheaper (see cheaperQuery), on lines of its own. */
  source: string;
  /** By pattern index: the owner whose text holds the pattern. */
  ownerOfPattern: T[];
}

/**
 * Joins the owners' query texts (rules, or a flow list's matchers) into one query, compiled once
 * per text (see query-cache.ts); throws tree-sitter's error when it does not compile.
 */
export function joinedQuery<T>(owners: readonly T[], queryOf: (owner: T) => string): JoinedQuery<T> {
  let source = '';
  const starts: number[] = [];
  for (const owner of owners) {
    source += '\n';
    starts.push(Buffer.byteLength(source));
    source += cheaperQuery(queryOf(owner));
  }
  const query = compiledQuery(source);
  const ownerOfPattern: T[] = [];
  for (let i = 0, count = patternCount(query); i < count; i++) {
    // Patterns are numbered in text order: the owner is the last one starting at or before the pattern.
    const offset = query.startIndexForPattern(i);
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    ownerOfPattern.push(owners[k]!);
  }
  return { query, source, ownerOfPattern };
}

/** How many patterns a query holds. */
export function patternCount(query: Parser.Query): number {
  // The node binding keeps one predicate list per pattern; probing past the end aborts the process.
  return (query as unknown as { predicates: unknown[] }).predicates.length;
}
