import { isLoopTarget, type SyntaxNode, unwrapParens } from '../syntax.js';
import type { Definition } from './definition.js';
import { constantKey } from './constant-key.js';
import { idOf, startOf } from './node-fields.js';
import { constantKeysOf, deniesDisclosure, isMaskValue, keyPathOf, loopRedaction, maskedUpdate, poppedPath, type KeyPath } from './redaction.js';
import { yieldsKeyValuePairs } from './loop-elements.js';

type Env = Map<string, readonly Definition[]>;

/** Where one name occurs, for a walk that enters only what mentions it (see FileFlow). */
export interface NameFocus {
  /** Whether the node's text holds the name as a word. */
  mentions(node: SyntaxNode): boolean;
  /** The node's named children whose text holds the name, in order (found from the name's occurrences, not by visiting every child). */
  childrenMentioning(node: SyntaxNode): SyntaxNode[];
  /** Whether the name occurs (as a word) starting at this offset. */
  occursAt(offset: number): boolean;
}

/** What a walk needs to record redactions (see redaction.ts): the constant keys a loop's iterable names (a module constant). */
export interface Redactions {
  keysOf(iterable: SyntaxNode): string[] | null;
}

/** Methods that add their arguments to the receiver's value (`d.update(x)`, `l.append(x)`). */
export const ADDING_METHODS = new Set(['update', 'append', 'extend', 'insert', 'add', 'setdefault', 'appendleft']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Loops deeper than this are walked once instead of twice: keeps the walk linear in the worst case. */
const MAX_REWALKED_LOOP_DEPTH = 3;

/**
 * Reaching definitions of the local names of one scope (a function's body, or a module's top
 * level without its functions): for each identifier read, the definitions that may reach it.
 * Statement order is respected in straight-line code; branches are merged; a loop body is walked
 * twice (once when nested deeper than three loops), so a definition late in the body reaches reads
 * early in it. Nested functions, classes and lambdas are other scopes and are not entered.
 *
 * Demand-driven: built for one name (`name`), the walk enters only the statements and expressions
 * whose text mentions that name (`mentions`), and records only its definitions and reads. A
 * statement that never mentions a name can neither define nor read it, so the answer for that
 * name is the same as a whole walk's, at the cost of the statements that mention it.
 */
export class ScopeDefinitions {
  /** Definitions reaching each identifier read, by the identifier node's id. */
  private readonly reads = new Map<number, readonly Definition[]>();
  /** Every definition of each name anywhere in the scope (what a nested function or another method may see). */
  readonly all = new Map<string, Definition[]>();
  private loopDepth = 0;

  /** Set when the body was not walked (see `readOnly`): what every read of the name gets. */
  private readonly everyRead: readonly Definition[] | undefined;

  /**
   * `name` null: every name (and `focus` is not asked). `readOnly`: the caller knows the function's
   * body only reads `name` (it defines it nowhere), so its parameters are bound and the body is
   * not walked: every read gets the parameter's definition, or none. `redactions`: record
   * redactions (`del d['k']`, `d['k'] = '***'`, `d.pop('k')`) as definitions that replace the
   * name's (see Definition.redacts); without it, as other callers want, `d['k'] = '***'` adds
   * to the value and `del`/`pop` define nothing.
   */
  constructor(
    readonly node: SyntaxNode,
    readonly name: string | null = null,
    private readonly focus: NameFocus | null = null,
    readOnly = false,
    private readonly redactions: Redactions | null = null,
  ) {
    const env: Env = new Map();
    if (node.type === 'function_definition') {
      this.bindParameters(node.childForFieldName('parameters'), env);
      if (readOnly && name !== null) {
        this.everyRead = env.get(name) ?? [];
        return;
      }
      const body = node.childForFieldName('body');
      if (body) this.block(body, env);
    } else {
      this.block(node, env);
    }
  }

  /** The definitions that may reach this identifier read; undefined when the walk never saw it (not a read of this scope). */
  reaching(identifier: SyntaxNode): readonly Definition[] | undefined {
    return this.everyRead ?? this.reads.get(idOf(identifier));
  }

  private bindParameters(parameters: SyntaxNode | null, env: Env): void {
    if (!parameters) return;
    let index = 0;
    for (const p of parameters.namedChildren) {
      let name: SyntaxNode | null = null;
      let value: SyntaxNode | null = null;
      let splat = false;
      if (p.type === 'identifier') name = p;
      else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
        name = p.childForFieldName('name');
        value = p.childForFieldName('value');
      } else if (p.type === 'typed_parameter') name = p.namedChildren.find((c) => c.type === 'identifier') ?? null;
      else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
        name = p.namedChildren.find((c) => c.type === 'identifier') ?? null;
        splat = true;
      }
      if (name?.type !== 'identifier') continue;
      if (value) this.expression(value, env);
      const parameter = { index: index++, splat };
      const text = this.nameOf(name);
      if (text !== null) this.define(env, { name: text, target: name, value, adds: false, parameter });
    }
  }

  /**
   * An identifier's name; when the walk is focused on one name, that name for an identifier that
   * mentions it, else null (another name, which `define` would ignore): no call into the binding.
   */
  private nameOf(identifier: SyntaxNode): string | null {
    if (!this.focus) return identifier.text;
    return this.focus.mentions(identifier) ? this.name : null;
  }

  private define(env: Env, def: Definition): void {
    if (this.name !== null && def.name !== this.name) return;
    const list = this.all.get(def.name);
    if (list) list.push(def);
    else this.all.set(def.name, [def]);
    env.set(def.name, def.adds ? [...(env.get(def.name) ?? []), def] : [def]);
  }

  /** Records a redaction of `path.root`'s value: the key paths go, what reached before stays behind it. */
  private redact(env: Env, path: KeyPath, paths: string[][], value: SyntaxNode | null, target: SyntaxNode, ifSanitized = false): void {
    const name = this.nameOf(path.root);
    if (name === null) return;
    const prior = env.get(name) ?? [];
    this.define(env, { name, target, value, adds: false, redacts: ifSanitized ? { paths, prior, ifSanitized } : { paths, prior } });
  }

  private block(block: SyntaxNode, env: Env): void {
    for (const statement of this.children(block)) this.statement(statement, env);
  }

  private statement(s: SyntaxNode, env: Env): void {
    switch (s.type) {
      case 'expression_statement':
      case 'return_statement':
        for (const child of this.children(s)) this.expression(child, env);
        return;
      case 'if_statement': {
        this.expression(s.childForFieldName('condition'), env);
        const ends: Env[] = [];
        const consequence = s.childForFieldName('consequence');
        ends.push(this.branch(consequence, env));
        let hasElse = false;
        for (const alt of s.childrenForFieldName('alternative')) {
          if (alt.type === 'elif_clause') {
            this.expression(alt.childForFieldName('condition'), env);
            ends.push(this.branch(alt.childForFieldName('consequence'), env));
          } else {
            hasElse = true;
            ends.push(this.branch(alt.childForFieldName('body'), env));
          }
        }
        // `if not show_password: d['driver_info'] = mask(...)`: the path that skips the redaction is
        // the permitted caller's, so what the branch redacts stays redacted after it.
        const guarded = !hasElse && ends.length === 1 && this.redactions !== null && deniesDisclosure(s.childForFieldName('condition'));
        if (!hasElse) ends.push(guarded ? redactionsKept(ends[0]!, env) : env);
        replace(env, merge(ends));
        return;
      }
      case 'for_statement':
      case 'while_statement': {
        const isFor = s.type === 'for_statement';
        if (isFor) this.expression(s.childForFieldName('right'), env);
        else this.expression(s.childForFieldName('condition'), env);
        const body = s.childForFieldName('body');
        const walks = this.loopDepth < MAX_REWALKED_LOOP_DEPTH ? 2 : 1;
        this.loopDepth++;
        let head = new Map(env);
        let end: Env = head;
        for (let i = 0; i < walks; i++) {
          const inner = new Map(head);
          if (isFor) this.target(s.childForFieldName('left'), s.childForFieldName('right'), inner);
          if (body) this.block(body, inner);
          end = inner;
          head = merge([env, end]);
        }
        this.loopDepth--;
        const exits = [env, end];
        const orelse = s.childForFieldName('alternative');
        if (orelse) exits.push(this.branch(orelse.childForFieldName('body'), merge(exits)));
        replace(env, merge(exits));
        // `for k in SENSITIVE: d[k] = '***'`: after the loop, every key it lists is redacted.
        const loop = isFor && this.redactions ? loopRedaction(s, (iterable) => constantKeysOf(iterable) ?? this.redactions!.keysOf(iterable)) : null;
        if (loop) this.redact(env, loop.path, loop.keys.map((k) => [...loop.path.keys, k]), null, s);
        return;
      }
      case 'try_statement': {
        const start = new Map(env);
        const body = s.childForFieldName('body');
        if (body) this.block(body, env);
        // A handler may start anywhere in the body: from the merge of its start and its end.
        const handlerStart = merge([start, env]);
        const ends: Env[] = [];
        let finallyClause: SyntaxNode | null = null;
        for (const clause of s.namedChildren) {
          if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
            const inner = new Map(handlerStart);
            for (const c of clause.namedChildren) {
              if (c.type === 'block') this.block(c, inner);
              else if (c.type === 'as_pattern') {
                this.expression(c.namedChildren[0] ?? null, inner);
                const alias = c.childForFieldName('alias')?.namedChildren[0];
                const aliasName = alias?.type === 'identifier' ? this.nameOf(alias) : null;
                if (aliasName !== null) this.define(inner, { name: aliasName, target: alias!, value: null, adds: false });
              } else this.expression(c, inner);
            }
            ends.push(inner);
          } else if (clause.type === 'else_clause') {
            const body2 = clause.childForFieldName('body');
            if (body2) this.block(body2, env);
          } else if (clause.type === 'finally_clause') finallyClause = clause;
        }
        replace(env, merge([env, ...ends]));
        if (finallyClause) for (const c of finallyClause.namedChildren) if (c.type === 'block') this.block(c, env);
        return;
      }
      case 'with_statement': {
        for (const clause of s.namedChildren) {
          if (clause.type !== 'with_clause') continue;
          for (const item of clause.namedChildren) {
            const value = item.childForFieldName('value');
            if (value?.type === 'as_pattern') {
              const expr = value.namedChildren[0] ?? null;
              this.expression(expr, env);
              this.target(value.childForFieldName('alias')?.namedChildren[0] ?? null, expr, env);
            } else this.expression(value, env);
          }
        }
        const body = s.childForFieldName('body');
        if (body) this.block(body, env);
        return;
      }
      case 'function_definition':
      case 'class_definition': {
        const name = s.childForFieldName('name');
        const text = name ? this.nameOf(name) : null;
        if (text !== null) this.define(env, { name: text, target: name!, value: null, adds: false });
        return;
      }
      case 'decorated_definition': {
        const inner = s.childForFieldName('definition');
        if (inner) this.statement(inner, env);
        return;
      }
      case 'delete_statement': {
        for (const child of this.children(s)) this.expression(child, env);
        if (!this.redactions) return;
        const targets = s.namedChildren[0]?.type === 'expression_list' ? s.namedChildren[0].namedChildren : s.namedChildren;
        for (const t of targets) {
          const path = keyPathOf(t);
          if (path) this.redact(env, path, [path.keys], null, t);
        }
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'comment':
        return;
      default: {
        // match, raise, assert, del, print…: expressions in order, blocks as alternatives.
        const ends: Env[] = [];
        for (const child of s.namedChildren) {
          if (child.type === 'block') ends.push(this.branch(child, env));
          else if (child.type === 'case_clause') {
            for (const c of child.namedChildren) if (c.type === 'block') ends.push(this.branch(c, env));
          } else this.expression(child, env);
        }
        if (ends.length > 0) replace(env, merge([env, ...ends]));
      }
    }
  }

  private branch(block: SyntaxNode | null, env: Env): Env {
    const inner = new Map(env);
    if (block) this.block(block, inner);
    return inner;
  }

  /** Binds an assignment, `for`, `with … as` or comprehension target to the value it takes. */
  private target(target: SyntaxNode | null, value: SyntaxNode | null, env: Env, element?: number, iterated?: Definition['iterated']): void {
    if (!target) return;
    switch (target.type) {
      case 'identifier': {
        const name = this.nameOf(target);
        if (name === null) return;
        const def: Definition = { name, target, value, adds: false };
        if (element !== undefined) def.element = element;
        if (iterated !== undefined) def.iterated = iterated;
        this.define(env, def);
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'expression_list': {
        const targets = target.namedChildren.filter((c) => c.type !== 'comment');
        if (targets.length === 2 && yieldsKeyValuePairs(value)) {
          // `for k, v in d.items()` / `enumerate(xs)`: the key or index carries nothing of the values.
          this.target(targets[0]!, null, env);
          this.target(targets[1]!, value, env);
          return;
        }
        // A loop (`for gw, password in [(p['esg_id'], p['password']) for p in peers]`, or over a
        // name the list was bound to, a list written out, a call): each name takes the whole
        // iterable, told its position, and a trace that finds tuples there (a comprehension's, or a
        // list written out) takes only that part of each: vmware-nsx logs the gateway, not the
        // password. (Pairwise would be wrong: `for a, b in [(x, y), (z, w)]` gives `a` x and z.)
        if (isLoopTarget(target) && !targets.some((t) => t.type === 'list_splat_pattern')) {
          targets.forEach((t, i) => this.target(t, value, env, undefined, { index: i, of: targets.length }));
          return;
        }
        const values = value && ['tuple', 'list', 'expression_list'].includes(value.type) ? value.namedChildren.filter((c) => c.type !== 'comment') : null;
        // Pairwise when the shapes agree; otherwise each target may hold any part of the value.
        const pairwise = values !== null && values.length === targets.length && !targets.some((t) => t.type === 'list_splat_pattern');
        // `a, b = f()`, `a, b = pair` (not a `for` target): each name is told its position, for a
        // tuple a helper returns or a name holds; `a, b = (f())` too, the call wrapped to span lines
        // (os-brick's scaleio connector).
        const whole = value ? unwrapParens(value) : value;
        const unpacks = !pairwise && whole !== null && target.parent?.type === 'assignment' && !targets.some((t) => t.type === 'list_splat_pattern');
        targets.forEach((t, i) => this.target(t, pairwise ? values![i]! : unpacks ? whole : value, env, unpacks && t.type === 'identifier' ? i : undefined));
        return;
      }
      case 'list_splat_pattern':
      case 'parenthesized_expression':
        this.target(target.namedChildren[0] ?? null, value, env);
        return;
      case 'subscript':
      case 'attribute': {
        // `d[k] = v`, `obj.k = v`: the container gains a field (reads of it were recorded by expression()).
        const object = target.childForFieldName(target.type === 'subscript' ? 'value' : 'object');
        const name = object?.type === 'identifier' ? this.nameOf(object) : null;
        if (name === null) return;
        const key = target.type === 'attribute' ? target.childForFieldName('attribute')?.text : constantKey(target.childForFieldName('subscript'));
        this.define(env, { name, target, value, adds: true, ...(key !== undefined ? { key } : {}) });
        return;
      }
    }
  }

  /** Records the reads in an expression, in evaluation order, and the definitions it makes (walrus, `d.update(x)`). */
  private expression(node: SyntaxNode | null, env: Env): void {
    if (!node || (this.focus && !this.focus.mentions(node))) return;
    switch (node.type) {
      case 'identifier':
        if (this.name === null) this.reads.set(idOf(node), env.get(node.text) ?? []);
        // Focused on one name, an identifier that mentions it is that name.
        else if (this.focus || node.text === this.name) this.reads.set(idOf(node), env.get(this.name) ?? []);
        return;
      case 'lambda':
      case 'string_content':
      case 'integer':
      case 'float':
        return;
      case 'assignment': {
        const right = node.childForFieldName('right');
        this.expression(right, env);
        // `a = b = x`: both take x.
        let value = right;
        while (value?.type === 'assignment') value = value.childForFieldName('right');
        const left = node.childForFieldName('left');
        if (left && left.type !== 'identifier') this.targetReads(left, env);
        // `d['password'] = '***'`, `info.token = '***'`: the entry is replaced by a constant (not for `a = d['k'] = '*'`);
        // `d['data'] = mask(d['data'])`: by a sanitized value, if the trace's question says so.
        const path = this.redactions && (left?.type === 'subscript' || left?.type === 'attribute') && value === right ? keyPathOf(left) : null;
        if (path && isMaskValue(value)) this.redact(env, path, [path.keys], value, left!);
        else if (path && path.keys.length === 1 && (value?.type === 'call' || value?.type === 'identifier')) this.redact(env, path, [path.keys], value, left!, true);
        else this.target(left, value, env);
        return;
      }
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        this.expression(node.childForFieldName('right'), env);
        this.expression(left, env);
        if (left?.type === 'identifier') {
          const name = this.nameOf(left);
          if (name !== null) this.define(env, { name, target: left, value: node, adds: false });
        } else this.target(left, node, env);
        return;
      }
      case 'named_expression': {
        const value = node.childForFieldName('value');
        this.expression(value, env);
        this.target(node.childForFieldName('name'), value, env);
        return;
      }
      case 'call': {
        for (const child of this.children(node)) this.expression(child, env);
        // `name.update(…)` starts with the name: a call that does not start with it adds nothing to it.
        if (this.focus && !this.focus.occursAt(startOf(node))) return;
        const popped = this.redactions ? poppedPath(node) : null;
        if (popped) {
          this.redact(env, popped, [popped.keys], null, node);
          return;
        }
        const masked = this.redactions ? maskedUpdate(node) : null;
        if (masked) {
          this.redact(env, masked.path, masked.keys.map((k) => [...masked.path.keys, k]), null, node);
          return;
        }
        const fn = node.childForFieldName('function');
        const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
        const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
        if (object?.type === 'identifier' && method && ADDING_METHODS.has(method)) {
          this.define(env, { name: object.text, target: node, value: node.childForFieldName('arguments'), adds: true });
        }
        return;
      }
      default:
        if (COMPREHENSIONS.has(node.type)) {
          // The clauses bind first, then the body reads; the bindings stay inside.
          const inner = new Map(env);
          for (const clause of node.namedChildren) {
            if (clause.type === 'for_in_clause') {
              const right = clause.childForFieldName('right');
              this.expression(right, inner);
              this.target(clause.childForFieldName('left'), right, inner);
            } else if (clause.type === 'if_clause') this.expression(clause, inner);
          }
          this.expression(node.childForFieldName('body'), inner);
          return;
        }
        for (const child of this.children(node)) this.expression(child, env);
    }
  }

  /** The named children worth walking: those that mention the name, when the walk is for one. */
  private children(node: SyntaxNode): SyntaxNode[] {
    return this.focus ? this.focus.childrenMentioning(node) : node.namedChildren;
  }

  /** The reads inside an assignment target that is not a plain name (`d` and `k` in `d[k] = v`). */
  private targetReads(target: SyntaxNode, env: Env): void {
    if (target.type === 'subscript' || target.type === 'attribute') this.expression(target, env);
    else for (const child of target.namedChildren) this.targetReads(child, env);
  }
}

/** The env before a branch, with each name the branch ends with only redactions of taking those (see the `if_statement` case). */
function redactionsKept(branchEnd: Env, before: Env): Env {
  const out: Env = new Map(before);
  for (const [name, defs] of branchEnd) {
    if (defs !== before.get(name) && defs.length > 0 && defs.every((d) => d.redacts)) out.set(name, defs);
  }
  return out;
}

function merge(envs: readonly Env[]): Env {
  const out: Env = new Map(envs[0]);
  for (const env of envs.slice(1)) {
    for (const [name, defs] of env) {
      const have = out.get(name);
      if (!have) out.set(name, defs);
      else if (have !== defs) out.set(name, [...new Set([...have, ...defs])]);
    }
  }
  return out;
}

function replace(env: Env, next: Env): void {
  env.clear();
  for (const [k, v] of next) env.set(k, v);
}
