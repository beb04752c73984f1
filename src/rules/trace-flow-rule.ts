import type { FileAnchors, RuleStart } from '../analysis/anchors.js';
import { matchesInStart } from '../analysis/query-range.js';
import { shortCode } from '../analysis/fill-template.js';
import { DefinitionIndex } from '../analysis/flow/definition-index.js';
import { FileFlow, type FlowPath } from '../analysis/flow/file-flow.js';
import type { KeyPaths } from '../analysis/flow/key-paths.js';
import type { LineTable } from '../analysis/line-table.js';
import type { SyntaxNode } from '../analysis/syntax.js';
import type { FlowStep } from '../findings/finding.js';
import { flowMatchersOf, type GatedRule } from './compile-rules.js';
import type { CompiledMatchers } from './flow-matchers.js';
import type { FlowMatcher } from './flow-spec.js';
import { JoinedMatches, RegionalMatches, type FunctionMatches } from './regional-matches.js';
import { ExactSourceReach, SourceReach } from './source-reach.js';
import { PREDICATES } from './predicates/index.js';
import type { PredicateContext } from './predicates/predicate.js';
import type { PredicateCall, Rule } from './rule.js';
import { idOf } from '../analysis/flow/node-fields.js';
import { sourceRedaction } from './source-redaction.js';

/** Sink starts up to this many are matched without first computing the sources' reach. */
const FEW_STARTS = 16;

/** Paths traced per sink: the nearest source's, and the next ones' for diff scoping (see FlowMatch.others). */
const PATHS_PER_SINK = 4;

/** What makes a sink match a finding: the source's name for the message, and the path for the Finding. */
export interface FlowMatch {
  bindings: { source: string };
  flow: FlowStep[];
  /** The next sources reaching the same sink, nearest first, each with its path: a diff may change one of those paths and not the nearest. */
  others: { bindings: { source: string }; flow: FlowStep[] }[];
}

/**
 * Runs flow rules on one file: the file's data flow is analysed only when a flow rule's sink
 * matched (and only the scopes a trace enters), and each rule's source, sanitizer and step
 * queries run only in the functions a trace asks about (and once at module and class level).
 */
export class FlowRuleTracer {
  private flow: FileFlow | null = null;
  private readonly matched = new Map<Rule, Matches>();
  private readonly reaches = new Map<string, SourceReach>();
  private readonly starts = new Map<string, SyntaxNode[] | 'everywhere'>();
  /** By signature, the span of the occurrences each start was found for, by the start node's id (see FileAnchors.startsOf). */
  private readonly spans = new Map<string, Map<number, RuleStart>>();
  /** Nodes each list recognises from some starts, with the pattern that matched, by signature and starts: found once for every rule sharing the list. */
  private readonly runs = new Map<string, Map<string, [SyntaxNode, number][]>>();
  private definitions: DefinitionIndex | null = null;
  private readonly visitedAnswers = new Map<Rule, Map<number, boolean>>();
  /** Matches by list (see CompiledMatchers.key): rules borrowing one list (`from: DS205`) share its matches and their reach. */
  private readonly lists = new Map<string, FunctionMatches>();
  private readonly exactReaches = new Map<string, ExactSourceReach>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly ctx: PredicateContext,
    private readonly anchors: FileAnchors,
    private readonly lines: LineTable,
  ) {}

  /**
   * Where a flow rule's sink query is worth starting: of the starts its own text gives, those
   * from which a source's value may reach (see SourceReach); none when the sources' text does not
   * occur in the file. Drops only sinks `trace` would reject before tracing; a start is kept whole
   * (with what the caller attached to it, such as its span).
   */
  sinkStarts<T extends { node: SyntaxNode }>(rule: Rule, starts: readonly T[] | 'everywhere'): readonly T[] | 'everywhere' {
    // A few starts are cheaper to match than the sources' reach is to compute (sources built of
    // `%` and `+` occur on most lines); `trace` still checks the reach of each sink matched.
    if (starts !== 'everywhere' && starts.length <= FEW_STARTS && !this.reaches.has(flowMatchersOf(rule).sources.signature)) return starts;
    const reach = this.reachOf(rule);
    if (reach.none) return [];
    if (starts === 'everywhere' || reach.everywhere) return starts;
    return starts.filter((start) => reach.mayReach(start.node));
  }

  /**
   * Traces the sink's `@sink` captures back to the rule's sources; null when none carries one,
   * or when the nearest is an `indirect-only` source written in the sink's own expression.
   */
  trace(rule: Rule, captures: ReadonlyMap<string, SyntaxNode[]>, sink: SyntaxNode): FlowMatch | null {
    const reach = this.reachOf(rule);
    if (!reach.mayReach(sink)) return null;
    const { sources, sanitizers, steps, sourceReach, dead } = this.matchesOf(rule);
    const redacted = sourceRedaction(rule);
    // Again from the sources themselves: the text was perhaps only in strings and comments.
    if (!sourceReach.mayReach(sink)) return null;
    this.flow ??= new FileFlow(this.root, this.functionIndex());
    const question = {
      isSource: (node: SyntaxNode, viaField: boolean) => {
        const kind = sourceKind(sources.get(node, this.regionOf(node)));
        return kind !== undefined && (kind.fieldReads || !viaField);
      },
      isBarrier: (node: SyntaxNode) => sanitizers.get(node, this.regionOf(node)) !== undefined || this.isVisitedSanitizer(rule, node),
      carries: (call: SyntaxNode) => steps.get(call, this.regionOf(call)) !== undefined,
      isRedacted: (source: SyntaxNode, removed: KeyPaths) => redacted(removed, sources.get(source, this.regionOf(source)) ?? []),
    };
    const at = (node: SyntaxNode, label: string): FlowStep => {
      // Positions as findings have them (lines split on `\n` only; see LineTable).
      const { line, column } = this.lines.position(node.startIndex);
      return { path: this.ctx.path, line, column: column + 1, label };
    };
    const matchOf = (path: FlowPath) => {
      const source = shortCode(path.source.text);
      // Labels are code from the pull request (a dict entry's key may span lines): shortened as the source is.
      return { bindings: { source }, flow: [at(path.source, source), ...path.steps.map((s) => at(s.node, shortCode(s.label))), at(sink, sinkLabel(sink))] };
    };
    // An entry of a dict written in the sink's own expression is not a step between (DS201's line).
    const indirectOnly = (path: FlowPath) => path.steps.every((s) => s.entry) && sourceKind(sources.get(path.source, this.regionOf(path.source)))!.indirectOnly;
    for (const value of captures.get('sink') ?? []) {
      const [nearest, ...next] = this.flow.traces(value, question, dead, PATHS_PER_SINK);
      if (!nearest) continue;
      if (indirectOnly(nearest)) return null;
      return { ...matchOf(nearest), others: next.filter((path) => !indirectOnly(path)).map(matchOf) };
    }
    return null;
  }

  /** A rule's `node:` sanitizers, asked of a value a trace visits (once per rule and node). */
  private isVisitedSanitizer(rule: Rule, node: SyntaxNode): boolean {
    const visited = flowMatchersOf(rule).sanitizers.visited;
    if (visited.length === 0) return false;
    let answers = this.visitedAnswers.get(rule);
    if (!answers) this.visitedAnswers.set(rule, (answers = new Map()));
    const key = idOf(node);
    let answer = answers.get(key);
    if (answer === undefined) {
      const captures = new Map([['value', [node]]]);
      answer = visited.some((m) => m.nodeType === node.type && holds(m.where, captures, this.ctx));
      answers.set(key, answer);
    }
    return answer;
  }

  /** The outermost function holding a node a trace visits (asked of it by sources, sanitizers and steps; the index keeps the answers). */
  private regionOf(node: SyntaxNode): SyntaxNode | null {
    return this.functionIndex().outermostFunction(node);
  }

  /** The file's functions and classes by position, shared with the file's FileFlow. */
  private functionIndex(): DefinitionIndex {
    return (this.definitions ??= new DefinitionIndex(this.root));
  }

  /** Where the text a rule's sources need occurs, as the functions that hold it (see SourceReach). */
  private reachOf(rule: Rule): SourceReach {
    const sources = flowMatchersOf(rule).sources;
    let reach = this.reaches.get(sources.signature);
    if (!reach) {
      const starts = this.startsOf(sources);
      this.reaches.set(sources.signature, (reach = new SourceReach(starts === 'everywhere' ? null : starts, this.functionIndex())));
    }
    return reach;
  }

  /** Where the matchers' query starts (see FileAnchors.forRule), found once per file and list. */
  private startsOf(matchers: CompiledMatchers): SyntaxNode[] | 'everywhere' {
    let starts = this.starts.get(matchers.signature);
    if (starts) return starts;
    const found = matchers.gates ? this.anchors.startsOf({ gates: matchers.gates } as GatedRule) : 'everywhere';
    if (found === 'everywhere') starts = found;
    else {
      starts = found.map((s) => s.node);
      this.spans.set(matchers.signature, new Map(found.map((s) => [idOf(s.node), s])));
    }
    this.starts.set(matchers.signature, starts);
    return starts;
  }

  /**
   * A rule's sources, sanitizers and steps in this file, each matched one function at a time
   * (see RegionalMatches), and the reach of its sources.
   */
  private matchesOf(rule: Rule): Matches {
    let found = this.matched.get(rule);
    if (found) return found;
    const compiled = flowMatchersOf(rule);
    const { sources, reach: sourceReach } = this.sourcesOf(compiled.sources);
    const shared = (kind: string, matchers: CompiledMatchers): FunctionMatches => {
      const key = `${kind}|${matchers.key}`;
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, (list = this.regional(matchers)));
      return list;
    };
    found = { sources, sanitizers: shared('sanitizers', compiled.sanitizers), steps: shared('steps', compiled.steps), sourceReach, dead: new Set() };
    this.matched.set(rule, found);
    return found;
  }

  /** A list's matches, one function at a time (see RegionalMatches). */
  private regional(matchers: CompiledMatchers): RegionalMatches {
    return new RegionalMatches(() => (matchers.hasQuery ? this.startsOf(matchers) : []), this.functionIndex(), (starts) => this.run(matchers, starts));
  }

  /**
   * A source list's matches and their exact reach, once per file and list (rules borrowing one
   * list share them); a list joined from other lists whole is matched as those lists (see
   * CompiledMatchers.parts), which other rules may have matched already.
   */
  private sourcesOf(list: CompiledMatchers): { sources: FunctionMatches; reach: ExactSourceReach } {
    const key = `sources|${list.key}`;
    let sources = this.lists.get(key);
    let reach = this.exactReaches.get(list.key);
    if (sources && reach) return { sources, reach };
    sources = list.parts ? new JoinedMatches(list.parts.map(({ list: lent, own }) => ({ matches: this.sourcesOf(lent).sources, own }))) : this.regional(list);
    reach = new ExactSourceReach(this.functionIndex());
    reach.watch(sources);
    this.lists.set(key, sources);
    this.exactReaches.set(list.key, reach);
    return { sources, reach };
  }

  /** The `@value` nodes the matchers recognise from these starts (`where:` holding), each with its matcher. */
  private run(matchers: CompiledMatchers, starts: SyntaxNode[] | 'everywhere'): [SyntaxNode, FlowMatcher][] {
    // An empty list of starts never compiles the query (see compileFlowMatchers).
    if (!matchers.hasQuery || (starts !== 'everywhere' && starts.length === 0)) return [];
    const query = matchers.query!;
    const { matcherOfPattern } = matchers;
    // By signature first: a signature is long, and a string made anew is hashed anew.
    let bySignature = this.runs.get(matchers.signature);
    if (!bySignature) this.runs.set(matchers.signature, (bySignature = new Map()));
    const key = starts === 'everywhere' ? '*' : starts.map(idOf).join(',');
    let found = bySignature.get(key);
    if (!found) {
      found = [];
      // From each start, only the nodes crossing the span of the occurrences it was found for: a
      // match holds one of them (as for a gated rule's query; see FileAnchors.startsOf).
      const spans = this.spans.get(matchers.signature);
      const matches =
        starts === 'everywhere'
          ? query.matches(this.root)
          : starts.flatMap((node) => {
              const span = spans?.get(idOf(node));
              return span ? matchesInStart(query, node, span, null) : query.matches(node);
            });
      for (const match of matches) {
        const captures = new Map<string, SyntaxNode[]>();
        for (const { name, node } of match.captures) {
          const nodes = captures.get(name);
          if (nodes) nodes.push(node);
          else captures.set(name, [node]);
        }
        const value = captures.get('value')?.[0];
        if (value && holds(matcherOfPattern[match.pattern]!.where, captures, this.ctx)) found.push([value, match.pattern]);
      }
      bySignature.set(key, found);
    }
    return found.map(([value, pattern]) => [value, matcherOfPattern[pattern]!]);
  }
}

interface SourceKind {
  fieldReads: boolean;
  indirectOnly: boolean;
}

/** A node several matchers recognise takes the most permissive reading of each flag. */
function sourceKind(matchers: FlowMatcher[] | undefined): SourceKind | undefined {
  if (!matchers) return undefined;
  return { fieldReads: matchers.some((m) => m.fieldReads), indirectOnly: matchers.every((m) => m.indirectOnly) };
}

interface Matches {
  sources: FunctionMatches;
  sanitizers: FunctionMatches;
  /** Calls a rule's `steps:` say carry their arguments. */
  steps: FunctionMatches;
  sourceReach: ExactSourceReach;
  /** Values from which a trace for this rule found no source (see FileFlow.trace). */
  dead: Set<string | number>;
}

/** `where:` as a rule applies it (see scan-source.ts): every predicate holds on some node of its capture; negated, on none. */
function holds(where: Record<string, PredicateCall[]>, captures: Map<string, SyntaxNode[]>, ctx: PredicateContext): boolean {
  for (const [capture, calls] of Object.entries(where)) {
    const nodes = captures.get(capture) ?? [];
    for (const call of calls) {
      const predicate = PREDICATES.get(call.name)!;
      const passed = nodes.some((node) => predicate.test(node, call.arg, ctx) !== false);
      if (passed === call.negated) return false;
    }
  }
  return true;
}

/** The sink as a path step names it: the callee of a call (`LOG.debug`), else the code. */
function sinkLabel(sink: SyntaxNode): string {
  const fn = sink.type === 'call' ? sink.childForFieldName('function') : null;
  return shortCode((fn ?? sink).text);
}
