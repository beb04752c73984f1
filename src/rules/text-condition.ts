/**
 * Text that every match of a query pattern must contain, within the matched node: what lets a
 * rule run only where that text occurs (Semgrep's prefilter). Each kind is sound on its own: if a
 * pattern matches, the source holds an occurrence that starts inside the match.
 */
export type TextCondition =
  /**
   * One of these strings occurs. `token`: each is a whole name, keyword or token (the capture is an
   * identifier, or the node is a keyword), so a name character may not stand right beside it.
   */
  | {
      kind: 'literals';
      literals: string[];
      token: boolean;
      /** Per literal, overriding `token`: the token edges it stands at (a name's start, its end, both, or neither). */
      edges?: Edge[];
    }
  /** One of these dotted names (`os.system`, `os.exec*`) is written, directly or through an import alias. */
  | { kind: 'names'; names: string[] }
  /** A match of this regular expression starts here (names of secrets, say). */
  | { kind: 'regex'; source: string; flags: string };

/**
 * Where a literal must stand in a name: at its start (`^(host|bind)_?addr` on an identifier), its
 * end (`[A-Za-z]*Server$`), both (a whole name, as `token`), or anywhere (`none`).
 */
export type Edge = 'start' | 'end' | 'both' | 'none';

/** The edge each literal of a `literals` condition stands at. */
export function edgeOf(condition: Extract<TextCondition, { kind: 'literals' }>, i: number): Edge {
  return condition.edges?.[i] ?? (condition.token ? 'both' : 'none');
}

/** Whether finding a condition costs next to nothing: names and whole words come from one pass over the file (see Vocabulary). */
export function isCheap(condition: TextCondition): boolean {
  return condition.kind === 'names' || (condition.kind === 'literals' && condition.literals.every((l, i) => edgeOf(condition, i) === 'both' && /^[A-Za-z_]\w*$/.test(l)));
}

const keys = new WeakMap<TextCondition, string>();

/** A stable key, so a file computes each condition's occurrences once for all rules sharing it (made once per condition object). */
export function conditionKey(condition: TextCondition): string {
  let key = keys.get(condition);
  if (key === undefined) keys.set(condition, (key = keyOf(condition)));
  return key;
}

function keyOf(condition: TextCondition): string {
  switch (condition.kind) {
    case 'literals':
      return `${condition.token ? 'T' : 'L'}:${condition.literals.join('\u0000')}${condition.edges ? `\u0001${condition.edges.join(',')}` : ''}`;
    case 'names':
      return `N:${condition.names.join('\u0000')}`;
    case 'regex':
      return `R:${condition.flags}:${condition.source}`;
  }
}
