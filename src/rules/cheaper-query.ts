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
 * When one type is left, it is the step's own, and the step becomes `(_ …)`. A pattern's root
 * keeps its type: a root `(_ …)` would be tried at every node of the tree.
 */
const implied = impliedTypes(python.nodeTypeInfo);

/** `query` with every parent step whose node type the grammar implies written as `(_ …)` (same matches, cheaper to compile); unchanged if the grammar's node types are unknown. */
export function cheaperQuery(query: string): string {
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
}

function impliedTypes(info: Parser.NodeInfo[] | undefined): Grammar | null {
  if (!Array.isArray(info)) return null;
  const subtypes = new Map<string, string[]>();
  for (const t of info) if ('subtypes' in t && t.subtypes) subtypes.set(t.type, t.subtypes.map((s) => s.type));
  const concrete = (type: string): string[] => (subtypes.has(type) ? subtypes.get(type)!.flatMap(concrete) : [type]);
  const fieldTypes = new Map<string, Set<string>>();
  const fieldOwners = new Map<string, string[]>();
  const parents = new Map<string, Set<string>>();
  const addParent = (child: { types: Parser.BaseNode[] } | undefined, parent: string) => {
    for (const c of child?.types ?? []) if (c.named) for (const type of concrete(c.type)) parents.set(type, (parents.get(type) ?? new Set()).add(parent));
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
  return { fieldTypes, fieldOwners, parents };
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
  const parentType = up?.kind === 'node' ? up.type?.text : undefined;
  let possible: Set<string> | null = (parentType && field && grammar.fieldTypes.get(`${parentType}.${field}`)) || null;
  for (const child of step.children) {
    if (child.quantifier === '?' || child.quantifier === '*') continue;
    const childType = child.kind === 'node' ? child.type?.text : undefined;
    let allowed: Set<string> | null = null;
    if (child.field) allowed = new Set(grammar.fieldOwners.get(child.field) ?? []);
    else if (childType && grammar.parents.has(childType)) allowed = grammar.parents.get(childType)!;
    if (allowed) possible = new Set([...(possible ?? allowed)].filter((t) => allowed.has(t)));
  }
  if (possible?.size === 1 && possible.has(type)) replaced.push(step.type);
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
