import type { DefinitionIndex } from '../analysis/flow/definition-index.js';
import type { SyntaxNode } from '../analysis/syntax.js';
import type { FlowMatcher } from './flow-spec.js';
import { idOf } from '../analysis/flow/node-fields.js';

/** Runs a matcher list's query from some starts, keeping the `@value` nodes whose `where:` holds, each with its matcher. */
export type RunMatchers = (starts: SyntaxNode[] | 'everywhere') => [SyntaxNode, FlowMatcher][];

/** A list's matches in one file, found one outermost function at a time (RegionalMatches, or lists joined: see JoinedMatches). */
export interface FunctionMatches {
  /** The matchers that recognise `node` (undefined: none); `region` is its outermost function, when the caller knows it. */
  get(node: SyntaxNode, region?: SyntaxNode | null): FlowMatcher[] | undefined;
  /** Matches the starts outside every function (once). */
  ensureGlobal(): void;
  /** Matches the starts inside this outermost function (once). */
  ensure(fn: SyntaxNode): void;
  /** The outermost functions holding starts not matched yet. */
  pending(): Iterable<SyntaxNode>;
  /** Tells `listener` of each node found, those found so far first. */
  observe(listener: (node: SyntaxNode) => void): void;
}

/**
 * One rule's sources (or sanitizers, or steps) in one file, matched one region at a time: the
 * starts of the list's query (see FileAnchors.forRule) strictly inside one outermost function
 * are run only when a node of that function is asked about; the others (module and class level,
 * decorators, an anchor holding a whole function, or `everywhere`) run once, before any answer.
 * A match lies inside the start it was run from, so a node's answer is the whole file's.
 */
export class RegionalMatches implements FunctionMatches {
  private readonly groups = new Map<number, { fn: SyntaxNode; starts: SyntaxNode[]; done: boolean }>();
  private global: SyntaxNode[] | 'everywhere' | null = null;
  private globalDone = false;
  private readonly found = new Map<number, FlowMatcher[]>();
  /** Each match's node as found (a node several matchers recognise, once per matcher), for a listener that comes later. */
  private readonly nodes: SyntaxNode[] = [];
  private readonly listeners: ((node: SyntaxNode) => void)[] = [];

  constructor(
    /** The starts, asked for (a text search) when a node is first asked about. */
    private readonly starts: () => SyntaxNode[] | 'everywhere',
    private readonly functions: DefinitionIndex,
    private readonly run: RunMatchers,
  ) {}

  observe(listener: (node: SyntaxNode) => void): void {
    this.listeners.push(listener);
    for (const node of this.nodes) listener(node);
  }

  /** Splits the starts by outermost function, once. */
  private group(): SyntaxNode[] | 'everywhere' {
    if (this.global) return this.global;
    const starts = this.starts();
    if (starts === 'everywhere') return (this.global = 'everywhere');
    const global: SyntaxNode[] = [];
    for (const start of starts) {
      const fn = this.functions.outermostFunction(start);
      if (!fn) {
        global.push(start);
        continue;
      }
      const key = idOf(fn);
      const group = this.groups.get(key);
      if (group) group.starts.push(start);
      else this.groups.set(key, { fn, starts: [start], done: false });
    }
    return (this.global = global);
  }

  /** The matchers that recognise `node` (undefined: none); `region` is its outermost function, when the caller knows it. */
  get(node: SyntaxNode, region?: SyntaxNode | null): FlowMatcher[] | undefined {
    this.ensureGlobal();
    const fn = region === undefined ? this.functions.outermostFunction(node) : region;
    if (fn) this.ensure(fn);
    return this.found.get(idOf(node));
  }

  /** Matches the starts outside every function (once). */
  ensureGlobal(): void {
    if (this.globalDone) return;
    this.globalDone = true;
    const global = this.group();
    if (global === 'everywhere' || global.length > 0) this.add(this.run(global));
  }

  /** Matches the starts inside this outermost function (once). */
  ensure(fn: SyntaxNode): void {
    this.group();
    const group = this.groups.get(idOf(fn));
    if (!group || group.done) return;
    group.done = true;
    this.add(this.run(group.starts));
  }

  /** The outermost functions holding starts not matched yet. */
  *pending(): Iterable<SyntaxNode> {
    this.group();
    for (const group of this.groups.values()) if (!group.done) yield group.fn;
  }

  private add(matches: [SyntaxNode, FlowMatcher][]): void {
    for (const [node, matcher] of matches) {
      const key = idOf(node);
      const list = this.found.get(key);
      if (list) list.push(matcher);
      else this.found.set(key, [matcher]);
      this.nodes.push(node);
      for (const listener of this.listeners) listener(node);
    }
  }
}

/**
 * A list made of other lists whole (DS207's sources: DS205's, then DS211's, each borrowed with
 * `from:`): its matches are theirs, found once for every rule that uses one of them, instead of
 * by a query of its own that would match the same nodes again.
 */
export class JoinedMatches implements FunctionMatches {
  /** Each part's matches, with the matcher of this list standing at each of the part's (see CompiledMatchers.parts). */
  constructor(private readonly parts: readonly { matches: FunctionMatches; own: ReadonlyMap<FlowMatcher, FlowMatcher> }[]) {}

  get(node: SyntaxNode, region?: SyntaxNode | null): FlowMatcher[] | undefined {
    let out: FlowMatcher[] | undefined;
    for (const { matches, own } of this.parts) {
      const found = matches.get(node, region);
      if (!found) continue;
      out ??= [];
      for (const matcher of found) out.push(own.get(matcher) ?? matcher);
    }
    return out;
  }

  ensureGlobal(): void {
    for (const { matches } of this.parts) matches.ensureGlobal();
  }

  ensure(fn: SyntaxNode): void {
    for (const { matches } of this.parts) matches.ensure(fn);
  }

  *pending(): Iterable<SyntaxNode> {
    const seen = new Set<number>();
    for (const { matches } of this.parts) {
      for (const fn of matches.pending()) {
        if (seen.has(idOf(fn))) continue;
        seen.add(idOf(fn));
        yield fn;
      }
    }
  }

  observe(listener: (node: SyntaxNode) => void): void {
    for (const { matches } of this.parts) matches.observe(listener);
  }
}
