/**
 * The top-level patterns of a tree-sitter query, as text, in order: each parenthesised or
 * bracketed group at depth 0 (its quantifier and captures after it included). Strings and `;`
 * comments are skipped, so a parenthesis inside `#match? @x "("` does not count. Read without
 * compiling, so a rule's file can be checked pattern by pattern before any query is built.
 */
export function topLevelPatterns(query: string): string[] {
  const patterns: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < query.length; i++) {
    const c = query[i]!;
    if (c === '"') {
      // A string: to its closing quote, past escaped characters.
      for (i++; i < query.length && query[i] !== '"'; i++) if (query[i] === '\\') i++;
      continue;
    }
    if (c === ';') {
      while (i < query.length && query[i] !== '\n') i++;
      continue;
    }
    if (c === '(' || c === '[') {
      if (depth === 0) {
        if (start >= 0) patterns.push(query.slice(start, i));
        start = i;
      }
      depth++;
    } else if ((c === ')' || c === ']') && depth > 0) depth--;
  }
  if (start >= 0) patterns.push(query.slice(start));
  return patterns.map((p) => p.trim());
}

/** The capture names a pattern's text holds (`@name`). */
export function capturesOf(pattern: string): Set<string> {
  return new Set([...pattern.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/@([A-Za-z_][\w.-]*)/g)].map((m) => m[1]!));
}
