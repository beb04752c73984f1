import type { SyntaxNode } from '../syntax.js';
import { ChildIndex } from './child-index.js';
import { lowerBound } from '../lower-bound.js';

/** What an occurrence of a resource's name does with it (see release-paths.ts). */
export type Use = 'release' | 'escape' | 'use' | 'reassign';

/** Definitions in a scope: a use in one of them outlives the scope's statements. */
const NESTED = new Set(['function_definition', 'lambda', 'class_definition']);

/** The uses of one name in one scope, for one kind of resource. */
export interface NameUses {
  /** What each occurrence (targets of assignments included) does, by start offset. */
  uses: Map<number, Use>;
  /** The keys of `uses`, ascending. */
  offsets: number[];
  escapes: number;
  releases: number;
  /** Used in a nested function or class, or declared `global`/`nonlocal`. */
  doubtful: boolean;
}

/** A scope's text, read once: where each word occurs (offsets from the body's start), its nested definitions' ranges, its `global` names. */
interface Scope {
  body: SyntaxNode;
  offsets: Map<string, number[]>;
  nestedStarts: number[];
  nestedEnds: number[];
  globals: Set<string>;
}

/** A Python name, as the scope's text spells it (strings and comments too: each occurrence is checked against the tree). */
const WORD = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;

/**
 * What every resource of one file shares, computed once: each scope's identifiers by name (one
 * walk per scope, not one per resource), each block's statements with their offsets, and the
 * uses of a name as one kind of resource classifies them. Keeps a file of thousands of resources
 * in one function linear.
 */
export class ScopeNameUses {
  private readonly scopes = new Map<number, Scope>();
  private readonly blocks = new Map<number, ChildIndex>();
  private readonly uses = new Map<object, Map<string, NameUses>>();

  /** The uses of `name` in the scope `body`, classified by `classify` once per `kind` (any object standing for one classification). */
  usesOf(body: SyntaxNode, name: string, kind: object, classify: (node: SyntaxNode) => Use): NameUses {
    let byKind = this.uses.get(kind);
    if (!byKind) this.uses.set(kind, (byKind = new Map()));
    const key = `${body.startIndex}:${name}`;
    let found = byKind.get(key);
    if (found) return found;
    const scope = this.scopeOf(body);
    found = { uses: new Map(), offsets: [], escapes: 0, releases: 0, doubtful: scope.globals.has(name) };
    for (const { node, nested } of this.identifiersOf(scope, name)) {
      if (isLabel(node)) continue;
      if (nested) found.doubtful = true;
      const use = classify(node);
      if (use === 'escape') found.escapes++;
      if (use === 'release') found.releases++;
      found.uses.set(node.startIndex, use);
      found.offsets.push(node.startIndex);
    }
    byKind.set(key, found);
    return found;
  }

  /**
   * A scope's identifiers by name, found from its text (one pass of a regular expression, then
   * one native lookup per occurrence of a name asked for) rather than by visiting every node:
   * a walk of a long function costs several times its parse.
   */
  private scopeOf(body: SyntaxNode): Scope {
    let scope = this.scopes.get(body.startIndex);
    if (scope) return scope;
    const offsets = new Map<string, number[]>();
    for (const m of body.text.matchAll(WORD)) {
      const list = offsets.get(m[0]);
      if (list) list.push(m.index!);
      else offsets.set(m[0], [m.index!]);
    }
    // The outermost nested definitions, as ranges in document order.
    const nested: [number, number][] = [];
    for (const n of body.descendantsOfType([...NESTED]).sort((a, b) => a.startIndex - b.startIndex)) {
      const last = nested[nested.length - 1];
      if (!last || n.startIndex >= last[1]) nested.push([n.startIndex, n.endIndex]);
    }
    const globals = new Set<string>();
    for (const g of body.descendantsOfType(['global_statement', 'nonlocal_statement'])) for (const n of g.namedChildren) globals.add(n.text);
    scope = { body, offsets, nestedStarts: nested.map((r) => r[0]), nestedEnds: nested.map((r) => r[1]), globals };
    this.scopes.set(body.startIndex, scope);
    return scope;
  }

  /** The identifier nodes spelled `name` in the scope (not in strings or comments), each with whether a nested definition holds it. */
  private identifiersOf(scope: Scope, name: string): { node: SyntaxNode; nested: boolean }[] {
    const out: { node: SyntaxNode; nested: boolean }[] = [];
    const base = scope.body.startIndex;
    for (const offset of scope.offsets.get(name) ?? []) {
      const start = base + offset;
      const node = scope.body.descendantForIndex(start, start + name.length);
      if (node.type !== 'identifier' || node.startIndex !== start) continue;
      const i = lowerBound(scope.nestedStarts, start + 1) - 1;
      out.push({ node, nested: i >= 0 && start < scope.nestedEnds[i]! });
    }
    return out;
  }

  /** A block's statements with their offsets, fetched once. */
  childrenOf(block: SyntaxNode): ChildIndex {
    let kids = this.blocks.get(block.startIndex);
    if (!kids) this.blocks.set(block.startIndex, (kids = new ChildIndex(block)));
    return kids;
  }
}

/** An identifier that names something else: a keyword (`f(name=…)`) or an attribute (`x.name`). */
function isLabel(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (parent?.type === 'keyword_argument') return parent.childForFieldName('name')?.startIndex === node.startIndex;
  if (parent?.type === 'attribute') return parent.childForFieldName('attribute')?.startIndex === node.startIndex;
  return false;
}
