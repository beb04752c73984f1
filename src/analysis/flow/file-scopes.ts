import type { SyntaxNode } from '../syntax.js';
import { lowerBound } from '../lower-bound.js';
import { classAttribute } from './class-attributes.js';
import type { Definition } from './definition.js';
import type { DefinitionIndex } from './definition-index.js';
import { isFieldRead } from './field-read.js';
import { fileText } from './file-text.js';
import { focusOn } from './name-focus.js';
import { nameOccurrences } from './name-occurrences.js';
import { idOf, startOf } from './node-fields.js';
import { constantKeysOf } from './redaction.js';
import { returnValues } from './return-values.js';
import { ScopeDefinitions } from './scope-definitions.js';

/**
 * What a file's traces ask of its scopes, each answer found once per file: the reaching
 * definitions of a name in a function or at module level (ScopeDefinitions, walked only where the
 * name occurs), the values a helper returns, what a class assigns to `self.<attr>`, and the
 * functions a module or class defines. FileFlow walks values; this knows where names are defined.
 */
export class FileScopes {
  /** Per scope node and name (see ScopeDefinitions: each is walked only where the name occurs). */
  private readonly scopes = new Map<string, ScopeDefinitions>();
  /** Walks that threw, by the same key: see scope. */
  private readonly failures = new Map<string, Error>();
  /** The scope each identifier read was looked up in, by the identifier's id. */
  private readonly readScopes = new Map<number, ScopeDefinitions>();
  private readonly returns = new Map<number, SyntaxNode[]>();
  private text: string | null = null;
  /** Nodes' end offsets by id (each a call into the binding), read once per file: every walk asks of the same statements. */
  private readonly ends = new Map<number, number>();
  private readonly classAttrs = new Map<string, Definition[]>();
  private readonly functions = new Map<number, Map<string, SyntaxNode>>();
  /** Module constants being resolved for a loop's keys (see moduleConstantKeys). */
  private readonly resolving = new Set<string>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly definitions: DefinitionIndex,
  ) {}

  /** The reaching definitions of `name` in the scope holding `node` (a function, or the module's top level). */
  scopeOf(node: SyntaxNode, name: string): ScopeDefinitions {
    return this.scope(this.definitions.innermostFunction(node) ?? this.root, name);
  }

  /** scopeOf an identifier for its own name, found once per identifier (isCleared asks, then definitionsOf). */
  scopeOfRead(identifier: SyntaxNode): ScopeDefinitions {
    const key = idOf(identifier);
    let scope = this.readScopes.get(key);
    if (!scope) this.readScopes.set(key, (scope = this.scopeOf(identifier, identifier.text)));
    return scope;
  }

  /** The innermost class holding `node`. */
  enclosingClass(node: SyntaxNode): SyntaxNode | null {
    return this.definitions.innermostClass(node);
  }

  /** The reaching definitions of `name` in the scope `node` (a function, or the module's root), walked once per file. */
  scope(node: SyntaxNode, name: string): ScopeDefinitions {
    const key = `${idOf(node)}:${name}`;
    // A walk that failed (a hostile expression thousands deep overflows the stack) fails again at
    // once for the next sink that asks, instead of walking the scope again per finding.
    const failed = this.failures.get(key);
    if (failed) throw failed;
    let scope = this.scopes.get(key);
    if (!scope) {
      // The name's occurrences in the scope's text only: a walk of the scope asks of nothing else.
      const isFunction = node.type === 'function_definition';
      const at = isFunction ? this.occurrencesIn(name, startOf(node), node.endIndex) : this.occurrencesIn(name, 0, Infinity);
      const readOnly = isFunction && this.onlyReads(node, name, at);
      const redactions = { keysOf: (iterable: SyntaxNode) => this.moduleConstantKeys(iterable) };
      try {
        scope = new ScopeDefinitions(node, name, focusOn(at, (n) => this.endOf(n)), readOnly, redactions);
      } catch (error) {
        this.failures.set(key, error as Error);
        throw error;
      }
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /**
   * True when every occurrence of `name` in the function's body is a plain field read or method
   * call (`node.uuid`, `task.get(...)`): no assignment to it or to one of its fields, no adding
   * method (`.update(`), no subscript, and nothing else (strings, keywords and targets included)
   * that would need the walk to tell. Its only definition is then a parameter, if any: a parameter
   * like `node` or `instance` read a hundred times needs no walk.
   */
  private onlyReads(fn: SyntaxNode, name: string, at: readonly number[]): boolean {
    const text = this.text!;
    const parameters = fn.childForFieldName('parameters');
    const bodyStart = parameters?.endIndex ?? startOf(fn);
    const end = fn.endIndex;
    for (let i = lowerBound(at, bodyStart); i < at.length && at[i]! < end; i++) {
      const offset = at[i]!;
      // `self.node`: another object's attribute, not the local name.
      let before = offset - 1;
      while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
      if (text[before] === '.') continue;
      if (!isFieldRead(text, offset + name.length)) return false;
    }
    return true;
  }

  /**
   * The constant keys a module-level name lists (`SENSITIVE = ('password', 'token')`, also in
   * `frozenset(…)`), when the module defines it once and the iterable is that name; else null.
   */
  private moduleConstantKeys(iterable: SyntaxNode): string[] | null {
    const name = iterable.text;
    // A module-level loop over a name that redacts that name would walk the module for it again.
    if (iterable.type !== 'identifier' || this.resolving.has(name)) return null;
    this.resolving.add(name);
    try {
      const defs = this.scope(this.root, name).all.get(name) ?? [];
      return defs.length === 1 && !defs[0]!.adds && !defs[0]!.redacts ? constantKeysOf(defs[0]!.value) : null;
    } finally {
      this.resolving.delete(name);
    }
  }

  /** `node.endIndex`, read once per node. */
  private endOf(node: SyntaxNode): number {
    const key = idOf(node);
    let end = this.ends.get(key);
    if (end === undefined) this.ends.set(key, (end = node.endIndex));
    return end;
  }

  /** Offsets where `name` occurs as a word in the text from `start` to `end`, ascending. */
  private occurrencesIn(name: string, start: number, end: number): number[] {
    this.text ??= fileText(this.root);
    return nameOccurrences(this.text, name, start, end);
  }

  /** The values a function returns (see returnValues), found once per function. */
  returnsOf(fn: SyntaxNode): SyntaxNode[] {
    const key = idOf(fn);
    let values = this.returns.get(key);
    if (!values) this.returns.set(key, (values = returnValues(fn)));
    return values;
  }

  /** Values assigned to `self.<attr>` in any method of the enclosing class, and class-level assignments of `attr` (see classAttribute). */
  selfAttribute(node: SyntaxNode, attr: string): readonly Definition[] {
    const cls = this.enclosingClass(node);
    if (!cls) return [];
    const key = `${idOf(cls)}:${attr}`;
    let defs = this.classAttrs.get(key);
    if (!defs) {
      this.text ??= fileText(this.root);
      this.classAttrs.set(key, (defs = classAttribute(cls, attr, this.text, this.root, (n) => this.enclosingClass(n))));
    }
    return defs;
  }

  /** The functions defined directly in a module or class body, by name. */
  functionsIn(owner: SyntaxNode): Map<string, SyntaxNode> {
    const key = idOf(owner);
    let fns = this.functions.get(key);
    if (fns) return fns;
    fns = new Map();
    const body = owner.type === 'class_definition' ? owner.childForFieldName('body') : owner;
    for (let s of body?.namedChildren ?? []) {
      if (s.type === 'decorated_definition') s = s.childForFieldName('definition') ?? s;
      const name = s.type === 'function_definition' ? s.childForFieldName('name')?.text : undefined;
      if (name) fns.set(name, s);
    }
    this.functions.set(key, fns);
    return fns;
  }
}
