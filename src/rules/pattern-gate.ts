import { KEYWORD_OF_NODE_TYPE } from '../analysis/python-keywords.js';
import { PREDICATES } from './predicates/index.js';
import { nameLiterals, requiredLiterals } from './regex-literals.js';
import type { Rule } from './rule.js';
import { isCheap, type TextCondition } from './text-condition.js';

/**
 * Where a pattern's query is started from an occurrence of its text. `below-statements`: the
 * outermost node holding the occurrence that holds no statements (a simple statement, an `if`'s
 * condition, a function's parameters), for patterns rooted at such a node: every ancestor of that
 * node holds statements, so a match holding the occurrence lies inside it. `outermost`: the
 * outermost ancestor of the pattern's root type (an `except_clause`, the `module`), which holds
 * every match that holds the occurrence.
 */
export type Anchor = { kind: 'below-statements' } | { kind: 'outermost'; type: string };

/** How one query pattern can be run only where its text occurs: every condition is necessary, any one will do (cheap ones first). */
export interface PatternGate {
  anchor: Anchor;
  conditions: TextCondition[];
}

/**
 * Prefiltering, as Semgrep does: for each pattern of a rule's query, the text it cannot match
 * without and where to start the query from an occurrence; null when some pattern may match
 * anywhere. Sources, each sound on its own, all on captures or nodes that every match has (not
 * under `?`/`*`, and in every branch of an alternation):
 * - a positive `where:` predicate that declares a condition (`resolves-to`, `is-secret-name`…);
 * - `#eq?` / `#any-of?` strings and the literals every `#match?` regex needs;
 * - anonymous nodes (`"%"`) and nodes whose type implies a keyword (`raise_statement`, `true`).
 */
export function gatesOf(rule: Pick<Rule, 'query' | 'where'>): PatternGate[] | null {
  // Rules borrowing a flow list (`from: DS205`) and successive compilations of one rule set ask
  // for the same query and `where:` again.
  const where = JSON.stringify(rule.where);
  let byWhere = known.get(rule.query);
  if (!byWhere) {
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(rule.query, (byWhere = new Map()));
  }
  let gates = byWhere.get(where);
  if (gates === undefined) byWhere.set(where, (gates = computeGates(rule)));
  return gates;
}

/** Gates already computed, by query text, then by `where:` as JSON (the gates are never changed by their readers). */
const known = new Map<string, Map<string, PatternGate[] | null>>();
/** Far above the bundled rules' 120 or so distinct queries. */
const MAX_KNOWN = 2048;

/** One entry of a gate table: a query, its `where:` as JSON, and what gatesOf answers for them. */
export type GateEntry = [query: string, where: string, gates: PatternGate[] | null];

/** Takes gates computed by this same code before (the rule snapshot's table, see rule-snapshot.ts) as known. */
export function addKnownGates(entries: readonly GateEntry[]): void {
  for (const [query, where, gates] of entries) {
    let byWhere = known.get(query);
    if (!byWhere) known.set(query, (byWhere = new Map()));
    if (!byWhere.has(where)) byWhere.set(where, gates);
  }
}

function computeGates(rule: Pick<Rule, 'query' | 'where'>): PatternGate[] | null {
  const gates: PatternGate[] = [];
  for (const pattern of parseQuery(rule.query)) {
    const gate = gateOfPattern(pattern, rule);
    if (!gate) return null;
    gates.push(gate);
  }
  return gates.length > 0 ? gates : null;
}

function gateOfPattern(root: Element, rule: Pick<Rule, 'query' | 'where'>): PatternGate | null {
  const anchor = anchorOf(root);
  if (!anchor) return null;
  const { mandatory, tokenCaptures, predicates } = captureFacts(root);
  const conditions: TextCondition[] = [];
  for (const [capture, calls] of Object.entries(rule.where)) {
    if (!mandatory.has(capture)) continue;
    for (const call of calls) {
      const condition = call.negated ? null : (PREDICATES.get(call.name)?.condition?.(call.arg) ?? null);
      if (condition) conditions.push(condition);
    }
  }
  for (const p of predicates) {
    if (!mandatory.has(p.capture) || p.strings.length === 0) continue;
    if ((p.operator === 'eq?' || p.operator === 'any-of?') && p.strings.every(Boolean)) {
      conditions.push({ kind: 'literals', literals: p.strings, token: tokenCaptures.has(p.capture) });
    } else if (p.operator === 'match?') {
      // On an identifier, a regex anchored at the name's edges says where in a name its words stand.
      const named = tokenCaptures.has(p.capture) ? nameLiterals(p.strings[0]!) : null;
      const literals = named ? null : requiredLiterals(p.strings[0]!);
      if (named) conditions.push({ kind: 'literals', literals: named.literals, token: false, edges: named.edges });
      else if (literals) conditions.push({ kind: 'literals', literals, token: false });
    }
  }
  conditions.push(...structuralConditions(root));
  // Cheap conditions first: a file is searched for a costly one only when the cheap ones abound.
  conditions.sort((a, b) => Number(isCheap(b)) - Number(isCheap(a)));
  return conditions.length > 0 ? { anchor, conditions } : null;
}

interface TextPredicate {
  operator: string;
  capture: string;
  strings: string[];
}

/** A parsed query element: a node `(type …)`, an anonymous node `"…"`, an alternation `[…]`, or another atom. */
export interface Element {
  kind: 'node' | 'string' | 'alternation' | 'atom';
  /** A node's type (`_` for the wildcard, null for a grouping), or an anonymous node's text. */
  type: string | null;
  children: Element[];
  quantifier: string;
  captures: string[];
  /** Text predicates written inside this node's parentheses. */
  predicates: TextPredicate[];
}

/** Reads a query's text into its top-level patterns (field names, anchors and the like become atoms and are dropped). */
export function parseQuery(text: string): Element[] {
  const tokens = (text.match(/"(?:[^"\\]|\\.)*"|;[^\n]*|#[\w-]+[?!]?|@[\w.-]+|[()[\]?*+]|[^\s()[\]"?*+@;]+/g) ?? []).filter((t) => !t.startsWith(';'));
  let i = 0;
  const element = (kind: Element['kind'], type: string | null): Element => ({ kind, type, children: [], quantifier: '', captures: [], predicates: [] });
  const parseSequence = (close: string | null, owner: Element | null): Element[] => {
    const elements: Element[] = [];
    while (i < tokens.length && tokens[i] !== close) {
      const token = tokens[i++]!;
      if (token === '(' && tokens[i]?.startsWith('#')) {
        const predicate: TextPredicate = { operator: tokens[i++]!.slice(1), capture: '', strings: [] };
        while (i < tokens.length && tokens[i] !== ')') {
          const t = tokens[i++]!;
          if (t.startsWith('@') && !predicate.capture) predicate.capture = t.slice(1);
          else if (t.startsWith('"')) predicate.strings.push(JSON.parse(t) as string);
        }
        i++;
        owner?.predicates.push(predicate);
        continue;
      }
      const last = elements[elements.length - 1];
      if (token === '?' || token === '*' || token === '+') {
        if (last) last.quantifier = token;
        continue;
      }
      if (token.startsWith('@')) {
        last?.captures.push(token.slice(1));
        continue;
      }
      if (token === '(' || token === '[') {
        const first = tokens[i];
        // `(_ …)` is a wildcard node (type `_`); `((call) …)` a grouping (no type).
        const type = token === '(' && first && /^[A-Za-z_]\w*$/.test(first) ? first : null;
        const e = element(token === '(' ? 'node' : 'alternation', type);
        e.children = parseSequence(token === '(' ? ')' : ']', e);
        elements.push(e);
        i++;
      } else if (token.startsWith('"')) {
        elements.push(element('string', JSON.parse(token) as string));
      } else {
        elements.push(element('atom', null));
      }
    }
    return elements;
  };
  return parseSequence(null, null).filter((e) => e.kind !== 'atom');
}

/**
 * In one walk of a pattern: the captures every match has (none under `?` or `*`; of an
 * alternation, those all its branches have), the captures placed only on `identifier` nodes
 * (directly, or on alternations of them) and every text predicate, outermost first.
 */
function captureFacts(root: Element): { mandatory: Set<string>; tokenCaptures: Set<string>; predicates: TextPredicate[] } {
  const onIdentifier = new Map<string, boolean>();
  const predicates: TextPredicate[] = [];
  // The captures every match of `e` has (null: none); a child's set is its parent's to extend.
  const walk = (e: Element): Set<string> | null => {
    for (const p of e.predicates) predicates.push(p);
    if (e.captures.length > 0) {
      const identifier = isIdentifier(e);
      for (const name of e.captures) onIdentifier.set(name, (onIdentifier.get(name) ?? true) && identifier);
    }
    let inner: Set<string> | null = null;
    if (e.kind === 'alternation') {
      let first = true;
      for (const c of e.children) {
        if (c.kind === 'atom') continue;
        const branch = walk(c);
        if (first) inner = branch;
        else if (inner) inner = branch ? intersection(inner, branch) : null;
        first = false;
      }
    } else {
      for (const c of e.children) {
        const child = walk(c);
        if (!child) continue;
        if (inner) for (const n of child) inner.add(n);
        else inner = child;
      }
    }
    if (e.quantifier === '?' || e.quantifier === '*') return null;
    if (e.captures.length > 0) {
      inner ??= new Set();
      for (const name of e.captures) inner.add(name);
    }
    return inner;
  };
  const mandatory = walk(root) ?? new Set<string>();
  return { mandatory, tokenCaptures: new Set([...onIdentifier].filter(([, identifier]) => identifier).map(([name]) => name)), predicates };
}

function intersection(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a].filter((n) => b.has(n)));
}

function isIdentifier(e: Element): boolean {
  return (e.kind === 'node' && e.type === 'identifier') || (e.kind === 'alternation' && e.children.filter((c) => c.kind !== 'atom').every(isIdentifier));
}

/** Keywords of node types and anonymous nodes every match of `element` has. */
function structuralConditions(element: Element): TextCondition[] {
  if (element.quantifier === '?' || element.quantifier === '*') return [];
  if (element.kind === 'string') return element.type ? [{ kind: 'literals', literals: [element.type], token: /^\w+$/.test(element.type) }] : [];
  if (element.kind === 'alternation') {
    // One of the branches matches: the union of one literal condition from each, if all have one.
    const picks = element.children.filter((c) => c.kind !== 'atom').map((c) => structuralConditions(c)[0]);
    if (picks.length === 0 || picks.some((p) => p === undefined || p.kind !== 'literals')) return [];
    const literals = picks as Extract<TextCondition, { kind: 'literals' }>[];
    return [{ kind: 'literals', literals: [...new Set(literals.flatMap((p) => p.literals))], token: literals.every((p) => p.token) }];
  }
  const conditions = element.children.flatMap(structuralConditions);
  const keyword = element.kind === 'node' && element.type ? KEYWORD_OF_NODE_TYPE.get(element.type) : undefined;
  if (keyword) conditions.unshift({ kind: 'literals', literals: [keyword], token: true });
  return conditions;
}

/** Node types that may hold statements: a pattern rooted at one may enclose the statement a word is in. */
export const HOLDS_STATEMENTS: ReadonlySet<string> = new Set([
  'module', 'block', 'function_definition', 'class_definition', 'decorated_definition', 'if_statement', 'elif_clause',
  'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'except_group_clause',
  'finally_clause', 'with_statement', 'match_statement', 'case_clause', 'ERROR',
]);

/**
 * Where to start the pattern's query from an occurrence (see Anchor). A pattern rooted at `_`, at
 * an alternation or at several sibling nodes has no anchor.
 */
function anchorOf(root: Element | null): Anchor | null {
  let node = root;
  // `((string) @x (#match? …))` groups one node with its predicates: the node is the root.
  while (node && node.kind === 'node' && node.type === null) {
    const inner = node.children.filter((c) => c.kind !== 'atom');
    node = inner.length === 1 && node.quantifier === '' ? inner[0]! : null;
  }
  if (!node || node.kind !== 'node' || !node.type || node.type === '_' || node.quantifier !== '') return null;
  return HOLDS_STATEMENTS.has(node.type) ? { kind: 'outermost', type: node.type } : { kind: 'below-statements' };
}
