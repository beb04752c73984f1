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
 *   a `block`, `call arguments:` an `argument_list` or a `generator_expression`);
 * - each required child (not under `?` or `*`): its field (`attribute:` and `object:` exist only
 *   on `attribute`, `definition:` only on `decorated_definition`) or, without a field, its type
 *   (a `keyword_argument` is a child of an `argument_list` only, `string_content` of a `string`).
 * When one type is left, it is the step's own, and the step becomes `(_ …)`. When others are
 * left that all have a required field the step's type never has, the step becomes `(_ !field
 * …)`: `call arguments: (argument_list …)` is `(_ !body …)`, as every `generator_expression` has a
 * body (a negated field costs the compiler nothing, an `argument_list` step about 0.5 ms). Sound
 * together: a step is narrowed by where it stands only through its field, and its parent is
 * narrowed by that field, which stays, not by its type. A pattern's root keeps its type: a root
 * `(_ …)` would be tried at every node of the tree. (Narrowing more, by the children a parent
 * may have without a field or by a wildcard child's own children, was tried: a few queries gain
 * 0.1-1 ms each, and checking that rewrites resting on each other still hold costs more, in
 * JavaScript run once per query, than it saves.)
 */
let implied: Grammar | null | undefined;

/** `query` with every parent step whose node type the grammar implies written as `(_ …)` or `(_ !field …)` (same matches, cheaper to compile); unchanged if the grammar's node types are unknown. */
export function cheaperQuery(query: string): string {
  // Read on first use: a scan that compiles no query (a short file) never needs it.
  if (implied === undefined) implied = impliedTypes(python.nodeTypeInfo);
  if (!implied) return query;
  const replaced: Replacement[] = [];
  for (const root of parsePatterns(query)) visit(root, replaced, implied);
  if (replaced.length === 0) return query;
  // One pass over the text, in order (not one copy of it per replacement).
  const parts: string[] = [];
  let at = 0;
  for (const { token, by } of replaced.sort((a, b) => a.token.at - b.token.at)) {
    parts.push(query.slice(at, token.at), by);
    at = token.at + token.text.length;
  }
  parts.push(query.slice(at));
  return parts.join('');
}

/** A step's type token and what replaces it: `_`, or `_ !field`. */
interface Replacement {
  token: Token;
  by: string;
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
  /** Node type → the fields every node of that type has (`required`: a missing child is still there, as a MISSING node). */
  requiredFields: Map<string, Set<string>>;
  /** Named types node-types.json names without describing (an alias such as `as_pattern_target`): its children say nothing of them. */
  opaque: string[];
}

function impliedTypes(info: Parser.NodeInfo[] | undefined): Grammar | null {
  if (!Array.isArray(info)) return null;
  const subtypes = new Map<string, string[]>();
  for (const t of info) if ('subtypes' in t && t.subtypes) subtypes.set(t.type, t.subtypes.map((s) => s.type));
  const concrete = (type: string): string[] => (subtypes.has(type) ? subtypes.get(type)!.flatMap(concrete) : [type]);
  const fieldTypes = new Map<string, Set<string>>();
  const fieldOwners = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>();
  const requiredFields = new Map<string, Set<string>>();
  const addParent = (child: { types: Parser.BaseNode[] } | undefined, parent: string) => {
    for (const c of child?.types ?? []) if (c.named) for (const type of concrete(c.type)) parents.set(type, (parents.get(type) ?? new Set()).add(parent));
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
  return { fieldTypes, fieldOwners, parents, requiredFields, opaque: [...parents.keys()].filter((t) => !described.has(t)) };
}

function visit(step: Step, replaced: Replacement[], grammar: Grammar): void {
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
  const parentType = up?.kind === 'node' ? up.type?.text : undefined;
  const known = parentType !== undefined && parentType !== '_' && !parentType.includes('/');
  let possible: Set<string> | null = (known && field && grammar.fieldTypes.get(`${parentType}.${field}`)) || null;
  // Types whose children are not described (an alias) that may stand here: children say nothing of them.
  const opaque = known ? grammar.opaque.filter((t) => grammar.parents.get(t)?.has(parentType)) : grammar.opaque;
  for (const child of step.children) {
    if (child.quantifier === '?' || child.quantifier === '*') continue;
    const childType = child.kind === 'node' ? child.type?.text : undefined;
    let allowed: Set<string> | null = null;
    if (child.field) allowed = new Set(grammar.fieldOwners.get(child.field) ?? []);
    else if (childType && grammar.parents.has(childType)) allowed = grammar.parents.get(childType)!;
    if (allowed) possible = new Set([...(possible ?? [...allowed, ...opaque])].filter((t) => allowed.has(t) || opaque.includes(t)));
  }
  if (!possible?.has(type)) return;
  if (possible.size === 1) {
    replaced.push({ token: step.type, by: '_' });
    return;
  }
  const others = [...possible].filter((t) => t !== type);
  const absent = [...(grammar.requiredFields.get(others[0]!) ?? [])]
    .sort()
    .find((f) => !grammar.fieldTypes.has(`${type}.${f}`) && others.every((t) => grammar.requiredFields.get(t)?.has(f)));
  if (absent) replaced.push({ token: step.type, by: `_ !${absent}` });
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
