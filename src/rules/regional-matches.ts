import type { DefinitionIndex } from '../analysis/flow/definition-index.js';
import type { SyntaxNode } from '../analysis/syntax.js';
import type { FlowMatcher } from './flow-spec.js';
import { idOf } from '../analysis/flow/node-fields.js';

/** Runs a matcher list's query from some starts, keeping the `@value` nodes whose `where:` holds, each with its matcher. */
export type RunMatchers = (starts: SyntaxNode[] | 'everywhere') => [SyntaxNode, FlowMatcher][];

/**
 * One rule's sources (or sanitizers, or steps) in one file, matched one region at a time: the
 * starts of the list's query (see FileAnchors.forRule) strictly inside one outermost function
 * are run only when a node of that function is asked about; the others (module and class level,
 * decorators, an anchor holding a whole function, or `everywhere`) run once, before any answer.
 * A match lies inside the start it was run from, so a node's answer is the whole file's.
 */
export class RegionalMatches {
  private readonly groups = new Map<number, { fn: SyntaxNode; starts: SyntaxNode[]; done: boolean }>();
  private global: SyntaxNode[] | 'everywhere' | null = null;
  private globalDone = false;
  private readonly found = new Map<number, FlowMatcher[]>();

  constructor(
    /** The starts, asked for (a text search) when a node is first asked about. */
    private readonly starts: () => SyntaxNode[] | 'everywhere',
    private readonly functions: DefinitionIndex,
    private readonly run: RunMatchers,
    /** Told of each match as it is found (a node several matchers recognise, once per matcher). */
    private readonly onFound: (node: SyntaxNode) => void = () => {},
  ) {}

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
      this.onFound(node);
    }
  }
}
