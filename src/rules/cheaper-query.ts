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
 * any named node but an ERROR, and an extra (a comment) has no children to match. When others
 * are left that all have a required field the step's type never has, the step becomes `(_ !field
 * …)`: `call arguments: (argument_list …)` is `(_ !body …)`, as every `generator_expression` has
 * a body (a negated field costs the compiler nothing; a parent step as much as 1 ms). A pattern's
 * root keeps its type: a root `(_ …)` would be tried at every node of the tree.
 */
let implied: Grammar | null | undefined;

/** `query` with every parent step whose node type the grammar implies written as `(_ …)` or `(_ !field …)` (same matches, cheaper to compile); unchanged if the grammar's node types are unknown. */
export function cheaperQuery(query: string): string {
  // Read on first use: a scan that compiles no query (a short file) never needs it.
  if (implied === undefined) implied = impliedTypes(python.nodeTypeInfo);
  if (!implied) return query;
  const grammar = implied;
  const steps: Step[] = [];
  const collect = (step: Step) => {
    step.children.forEach(collect);
    if (step.kind === 'node' && step.type && step.children.length > 0 && step.type.text !== '_' && !step.type.text.includes('/') && !isRoot(step)) steps.push(step);
  };
  parsePatterns(query).forEach(collect);
  // Each step's rewrite is first read from the query as written; then every rewrite is checked
  // against the query with all of them made (a step rewritten because of its child's type may no
  // longer be narrowed once that child is `_` too), and those that no longer hold are dropped
  // until all hold: dropping one only narrows the others.
  const rewrites = new Map<Step, string>();
  for (const step of steps) {
    const by = rewriteOf(step, grammar, new Map());
    if (by) rewrites.set(step, by);
  }
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const [step, by] of rewrites) {
      if (rewriteOf(step, grammar, rewrites) === by) continue;
      rewrites.delete(step);
      dropped = true;
    }
  }
  let out = query;
  for (const [{ type }, by] of [...rewrites].sort((a, b) => b[0].type!.at - a[0].type!.at)) out = out.slice(0, type!.at) + by + out.slice(type!.at + type!.text.length);
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
  /** Node type → the fields every node of that type has (`required`: a missing child is still there, as a MISSING node). */
  requiredFields: Map<string, Set<string>>;
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
  const requiredFields = new Map<string, Set<string>>();
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
    requiredFields.set(t.type, new Set(Object.entries(t.fields ?? {}).filter(([, child]) => child.required).map(([field]) => field)));
    for (const [field, child] of Object.entries(t.fields ?? {})) {
      fieldTypes.set(`${t.type}.${field}`, new Set(child.types.flatMap((c) => (c.named ? concrete(c.type) : [`"${c.type}`]))));
      fieldOwners.set(field, [...(fieldOwners.get(field) ?? []), t.type]);
      addParent(child, t.type);
    }
  }
  const described = new Set(info.map((t) => t.type));
  const opaque = new Set([...parents.keys()].filter((t) => !described.has(t)));
  return { fieldTypes, fieldOwners, parents, childTypes, concrete, opaque, requiredFields };
}

/** A root (or a node only grouped with predicates) keeps its type. */
function isRoot(step: Step): boolean {
  let enclosing = step.container;
  while (enclosing && enclosing.kind !== 'node') enclosing = enclosing.container;
  return !enclosing;
}

/**
 * How a step of type T may be written once the other steps are as `rewrites` has them: `_` when
 * T is the only type it may match, `_ !field` when the others all have a required field T never
 * has; null to keep it.
 */
function rewriteOf(step: Step, grammar: Grammar, rewrites: ReadonlyMap<Step, string>): string | null {
  const type = step.type!.text;
  const possible = possibleTypes(step, grammar, rewrites);
  if (!possible?.has(type)) return null;
  if (possible.size === 1) return '_';
  const others = [...possible].filter((t) => t !== type);
  const absent = [...(grammar.requiredFields.get(others[0]!) ?? [])]
    .sort()
    .find((f) => !grammar.fieldTypes.has(`${type}.${f}`) && others.every((t) => grammar.requiredFields.get(t)?.has(f)));
  return absent ? `_ !${absent}` : null;
}

/**
 * The types of the nodes a step may match whatever its own type, from constraints the query
 * keeps (fields, the types of steps not rewritten, the negated fields of rewritten ones): those
 * its parent's types (a rewritten or wildcard parent's narrowed in turn) hold in its field, or as
 * children when it has no field, that its required children allow; null when nothing narrows them.
 */
function possibleTypes(step: Step, grammar: Grammar, rewrites: ReadonlyMap<Step, string>): Set<string> | null {
  let field = step.field;
  let up = step.container;
  while (up?.kind === 'alternation') {
    field ??= up.field;
    up = up.container;
  }
  let context: Set<string> | null = null;
  if (up?.kind === 'node' && up.type) {
    const parents = typesOf(up, grammar, rewrites, true);
    if (parents) {
      context = new Set();
      for (const p of parents) for (const t of (field ? grammar.fieldTypes.get(`${p}.${field}`) : grammar.childTypes.get(p)) ?? []) context.add(t);
    }
  }
  const own = narrowedByChildren(step, grammar, rewrites);
  return context && own ? intersection(context, own) : (context ?? own);
}

/**
 * The types a node step matches as the query will have it: its type's (a supertype's concrete
 * ones); a wildcard's as narrowed by its children, and by where it stands when `upward` (never
 * when read from its parent, whose own narrowing it would then rest on); null when any.
 */
function typesOf(step: Step, grammar: Grammar, rewrites: ReadonlyMap<Step, string>, upward: boolean): Set<string> | null {
  const type = step.type!.text;
  const by = rewrites.get(step);
  if (by === undefined && type !== '_') return type.includes('/') ? null : new Set(grammar.concrete(type));
  const types = upward ? possibleTypes(step, grammar, rewrites) : narrowedByChildren(step, grammar, rewrites);
  // `_ !field` does not match the types that always have that field.
  const negated = by?.startsWith('_ !') ? by.slice(3) : null;
  return types && negated ? new Set([...types].filter((t) => !grammar.requiredFields.get(t)?.has(negated))) : types;
}

function intersection(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a].filter((t) => b.has(t)));
}

/** The types a node with `step`'s required children may have, whatever its own type; null when they say nothing. */
function narrowedByChildren(step: Step, grammar: Grammar, rewrites: ReadonlyMap<Step, string>): Set<string> | null {
  let possible: Set<string> | null = null;
  for (const child of step.children) {
    if (child.quantifier === '?' || child.quantifier === '*') continue;
    const allowed = parentsOf(child, grammar, rewrites);
    if (allowed) possible = possible ? intersection(possible, allowed) : allowed;
  }
  // Children say nothing of a type whose children are not described.
  if (possible) for (const t of grammar.opaque) possible.add(t);
  return possible;
}

/** The types a node holding `step` as a child may have; null when any type may. */
function parentsOf(step: Step, grammar: Grammar, rewrites: ReadonlyMap<Step, string>): Set<string> | null {
  if (step.field) return new Set(grammar.fieldOwners.get(step.field) ?? []);
  if (step.kind === 'alternation') {
    const branches = step.children.map((branch) => parentsOf(branch, grammar, rewrites));
    if (branches.length === 0 || branches.some((b) => b === null)) return null;
    return new Set(branches.flatMap((b) => [...b!]));
  }
  if (step.kind !== 'node' || !step.type) return null;
  const types = typesOf(step, grammar, rewrites, false);
  if (!types || types.size === 0) return null;
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
