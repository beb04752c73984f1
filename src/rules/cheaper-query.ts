import type Parser from 'tree-sitter';
import { python } from '../analysis/python-parser.js';

/**
 * What tree-sitter's query compiler spends its time on: for every node of a pattern that has
 * child steps (a "parent step"), `ts_query_new` walks the parse table from each state where that
 * node type may start (query.c, `ts_query__analyze_patterns`), about 0.2–1 ms each for `block`,
 * `attribute`, `argument_list`. A wildcard parent `(_ …)` is not analysed. So a parent step whose
 * type the grammar already implies (by its node-types.json) can be written `(_ …)` and match
 * exactly the same nodes. The types a step may match are narrowed by:
 * - the field it stands in, under a parent of known type (`if_statement consequence:` holds only
 *   a `block`, `call arguments:` an `argument_list` or a `generator_expression`), or without a
 *   field, the types that parent's children may have (a `decorated_definition` holds decorators,
 *   its definition and extras such as comments);
 * - each required child (not under `?` or `*`): its field (`attribute:` and `object:` exist only
 *   on `attribute`, `definition:` only on `decorated_definition`) or, without a field, its type
 *   (a `keyword_argument` is a child of an `argument_list` only, `string_content` of a `string`);
 *   a wildcard child `(_ …)` narrowed by its own required children in turn (`(_ function: …)` is
 *   a `call`), an alternation by the union of its branches.
 * When one type is left, it is the step's own, and the step becomes `(_ …)`: a wildcard matches
 * any named node but an ERROR, and an extra (a comment) has no children to match. A pattern's
 * root keeps its type: a root `(_ …)` would be tried at every node of the tree.
 */
let implied: Grammar | null | undefined;

/** `query` with every parent step whose node type the grammar implies written as `(_ …)` (same matches, cheaper to compile); unchanged if the grammar's node types are unknown. */
export function cheaperQuery(query: string): string {
  // Read on first use: a scan that compiles no query (a short file) never needs it.
  if (implied === undefined) implied = impliedTypes(python.nodeTypeInfo);
  if (!implied) return query;
  const replaced: Token[] = [];
  for (const root of parsePatterns(query)) visit(root, replaced, implied);
  let out = query;
  for (const token of replaced.sort((a, b) => b.at - a.at)) out = out.slice(0, token.at) + '_' + out.slice(token.at + token.text.length);
  return out;
}

interface Token {
  text: string;
  at: number;
}

/** A node `(type …)`, an alternation `[…]`, a grouping `((…) …)` or an anonymous node `"…"`, with the field it stands in. */
interface Step {
  kind: 'node' | 'alternation' | 'group' | 'string';
  /** A node's type token (`_` for the wildcard). */
  type: Token | null;
  field: string | null;
  quantifier: string;
  children: Step[];
  container: Step | null;
}

interface Grammar {
  /** `parent.field` → the concrete named types the field may hold (anonymous ones as `"text`). */
  fieldTypes: Map<string, Set<string>>;
  /** Field name → the node types that have it. */
  fieldOwners: Map<string, string[]>;
  /** Concrete named type → the node types it may be a child of (in a field or not); extras such as `comment` have none. */
  parents: Map<string, Set<string>>;
  /** Node type → the concrete named types its children may have (in a field or not, extras too). */
  childTypes: Map<string, Set<string>>;
  /** Supertype (`expression`) → the concrete types it stands for. */
  concrete: (type: string) => string[];
  /** Named types node-types.json names without describing (an alias such as `as_pattern_target`): they may have any children. */
  opaque: Set<string>;
}

function impliedTypes(info: Parser.NodeInfo[] | undefined): Grammar | null {
  if (!Array.isArray(info)) return null;
  const subtypes = new Map<string, string[]>();
  for (const t of info) if ('subtypes' in t && t.subtypes) subtypes.set(t.type, t.subtypes.map((s) => s.type));
  const concrete = (type: string): string[] => (subtypes.has(type) ? subtypes.get(type)!.flatMap(concrete) : [type]);
  const fieldTypes = new Map<string, Set<string>>();
  const fieldOwners = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>();
  const childTypes = new Map<string, Set<string>>();
  // node-types.json marks extras with `extra: true`, which the typings do not declare.
  const extras = info.filter((t) => (t as { extra?: boolean }).extra && t.named).map((t) => t.type);
  const addParent = (child: { types: Parser.BaseNode[] } | undefined, parent: string) => {
    const children = childTypes.get(parent) ?? new Set(extras);
    childTypes.set(parent, children);
    for (const c of child?.types ?? []) {
      if (!c.named) continue;
      for (const type of concrete(c.type)) {
        parents.set(type, (parents.get(type) ?? new Set()).add(parent));
        children.add(type);
      }
    }
  };
  for (const t of info) {
    if (!('fields' in t)) continue;
    // node-types.json gives `children` as one entry, though the typings say a list.
    addParent(t.children as unknown as { types: Parser.BaseNode[] } | undefined, t.type);
    for (const [field, child] of Object.entries(t.fields ?? {})) {
      fieldTypes.set(`${t.type}.${field}`, new Set(child.types.flatMap((c) => (c.named ? concrete(c.type) : [`"${c.type}`]))));
      fieldOwners.set(field, [...(fieldOwners.get(field) ?? []), t.type]);
      addParent(child, t.type);
    }
  }
  const described = new Set(info.map((t) => t.type));
  const opaque = new Set([...parents.keys()].filter((t) => !described.has(t)));
  return { fieldTypes, fieldOwners, parents, childTypes, concrete, opaque };
}

function visit(step: Step, replaced: Token[], grammar: Grammar): void {
  for (const child of step.children) visit(child, replaced, grammar);
  if (step.kind !== 'node' || !step.type || step.children.length === 0) return;
  const type = step.type.text;
  if (type === '_' || type.includes('/')) return;
  // The node it stands in, through alternations (whose field applies to each branch).
  let field = step.field;
  let up = step.container;
  while (up?.kind === 'alternation') {
    field ??= up.field;
    up = up.container;
  }
  // A root (or a node only grouped with predicates) keeps its type.
  let enclosing: Step | null = up;
  while (enclosing && enclosing.kind !== 'node') enclosing = enclosing.container;
  if (!enclosing) return;
  const possible = possibleTypes(step, grammar);
  if (possible?.size === 1 && possible.has(type)) replaced.push(step.type);
}

/**
 * The types of the nodes a node step may match, whatever its own type: those its parent's types
 * (a wildcard parent's narrowed in turn) hold in its field, or as children when it has no field,
 * that its required children allow; null when nothing narrows them.
 */
function possibleTypes(step: Step, grammar: Grammar): Set<string> | null {
  let field = step.field;
  let up = step.container;
  while (up?.kind === 'alternation') {
    field ??= up.field;
    up = up.container;
  }
  let context: Set<string> | null = null;
  if (up?.kind === 'node' && up.type) {
    const parentType = up.type.text;
    const parents = parentType === '_' ? possibleTypes(up, grammar) : parentType.includes('/') ? null : grammar.concrete(parentType);
    if (parents) {
      context = new Set();
      for (const p of parents) for (const t of (field ? grammar.fieldTypes.get(`${p}.${field}`) : grammar.childTypes.get(p)) ?? []) context.add(t);
    }
  }
  const own = narrowedByChildren(step, grammar);
  return context && own ? intersection(context, own) : (context ?? own);
}

function intersection(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a].filter((t) => b.has(t)));
}

/** The types a node with `step`'s required children may have, whatever its own type; null when they say nothing. */
function narrowedByChildren(step: Step, grammar: Grammar): Set<string> | null {
  let possible: Set<string> | null = null;
  for (const child of step.children) {
    if (child.quantifier === '?' || child.quantifier === '*') continue;
    const allowed = parentsOf(child, grammar);
    if (allowed) possible = possible ? intersection(possible, allowed) : allowed;
  }
  // Children say nothing of a type whose children are not described.
  if (possible) for (const t of grammar.opaque) possible.add(t);
  return possible;
}

/** The types a node holding `step` as a child may have; null when any type may. */
function parentsOf(step: Step, grammar: Grammar): Set<string> | null {
  if (step.field) return new Set(grammar.fieldOwners.get(step.field) ?? []);
  let types: string[] | null = null;
  if (step.kind === 'alternation') {
    const branches = step.children.map((branch) => parentsOf(branch, grammar));
    if (branches.length === 0 || branches.some((b) => b === null)) return null;
    return new Set(branches.flatMap((b) => [...b!]));
  }
  if (step.kind !== 'node' || !step.type) return null;
  const type = step.type.text;
  if (type === '_') {
    const own = narrowedByChildren(step, grammar);
    types = own ? [...own] : null;
  } else if (!type.includes('/')) {
    types = grammar.concrete(type);
  }
  if (!types || types.length === 0) return null;
  const all = new Set<string>();
  for (const t of types) {
    // An extra (a comment) may be the child of any node.
    const of = grammar.parents.get(t);
    if (!of) return null;
    for (const p of of) all.add(p);
  }
  return all;
}

/** Reads a query's top-level patterns as steps (predicates, captures, anchors and negated fields are skipped). */
function parsePatterns(text: string): Step[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"|;[^\n]*|#[\w-]+[?!]?|@[\w.-]+|[()[\]?*+]|[^\s()[\]"?*+@;]+/g)) {
    if (!m[0].startsWith(';')) tokens.push({ text: m[0], at: m.index });
  }
  let i = 0;
  const sequence = (close: string | null, container: Step | null): Step[] => {
    const steps: Step[] = [];
    let field: string | null = null;
    while (i < tokens.length && tokens[i]!.text !== close) {
      const token = tokens[i++]!.text;
      if (token === '(' && tokens[i]?.text.startsWith('#')) {
        while (i < tokens.length && tokens[i]!.text !== ')') i++;
        i++;
        continue;
      }
      if (token === '?' || token === '*' || token === '+') {
        const last = steps[steps.length - 1];
        if (last) last.quantifier = token;
        continue;
      }
      if (token.startsWith('@')) continue;
      if (/^[a-z_]\w*:$/.test(token)) {
        field = token.slice(0, -1);
        continue;
      }
      if (token === '(' || token === '[') {
        const first = tokens[i];
        const isNode = token === '(' && !!first && /^[A-Za-z_][\w/]*$/.test(first.text);
        const step: Step = { kind: token === '[' ? 'alternation' : isNode ? 'node' : 'group', type: isNode ? first! : null, field, quantifier: '', children: [], container };
        if (isNode) i++;
        field = null;
        step.children = sequence(token === '(' ? ')' : ']', step);
        i++;
        steps.push(step);
        continue;
      }
      if (token.startsWith('"')) steps.push({ kind: 'string', type: null, field, quantifier: '', children: [], container });
      field = null;
    }
    return steps;
  };
  return sequence(null, null);
}
