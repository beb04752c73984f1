import type { FileAnchors } from '../analysis/anchors.js';
import { shortCode } from '../analysis/fill-template.js';
import { DefinitionIndex } from '../analysis/flow/definition-index.js';
import { FileFlow } from '../analysis/flow/file-flow.js';
import type { LineTable } from '../analysis/line-table.js';
import type { SyntaxNode } from '../analysis/syntax.js';
import type { FlowStep } from '../findings/finding.js';
import { flowMatchersOf, type GatedRule } from './compile-rules.js';
import type { CompiledMatchers } from './flow-matchers.js';
import type { FlowMatcher } from './flow-spec.js';
import { PREDICATES } from './predicates/index.js';
import type { PredicateContext } from './predicates/predicate.js';
import type { PredicateCall, Rule } from './rule.js';

/** Sink starts up to this many are matched without first computing the sources' reach. */
const FEW_STARTS = 16;

/** What makes a sink match a finding: the source's name for the message, and the path for the Finding. */
export interface FlowMatch {
  bindings: { source: string };
  flow: FlowStep[];
}

/**
 * Runs flow rules on one file: the file's data flow is analysed only when a flow rule's sink
 * matched (and only the scopes a trace enters), and each rule's source and sanitizer queries run
 * once per file, on first need.
 */
export class FlowRuleTracer {
  private flow: FileFlow | null = null;
  private readonly matched = new Map<Rule, Matches>();
  private readonly reaches = new Map<Rule, SourceReach>();
  private readonly starts = new Map<CompiledMatchers, SyntaxNode[] | 'everywhere'>();
  private definitions: DefinitionIndex | null = null;
  private readonly visitedAnswers = new Map<Rule, Map<number, boolean>>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly ctx: PredicateContext,
    private readonly anchors: FileAnchors,
    private readonly lines: LineTable,
  ) {}

  /**
   * Where a flow rule's sink query is worth starting: of the starts its own text gives, those
   * from which a source's value may reach (see SourceReach); none when the sources' text does not
   * occur in the file. Drops only sinks `trace` would reject before tracing.
   */
  sinkStarts(rule: Rule, starts: SyntaxNode[] | 'everywhere'): SyntaxNode[] | 'everywhere' {
    // A few starts are cheaper to match than the sources' reach is to compute (sources built of
    // `%` and `+` occur on most lines); `trace` still checks the reach of each sink matched.
    if (starts !== 'everywhere' && starts.length <= FEW_STARTS && !this.reaches.has(rule)) return starts;
    const reach = this.reachOf(rule);
    if (reach.none) return [];
    if (starts === 'everywhere' || reach.everywhere) return starts;
    return starts.filter((start) => reach.mayReach(start));
  }

  /**
   * Traces the sink's `@sink` captures back to the rule's sources; null when none carries one,
   * or when the nearest is an `indirect-only` source written in the sink's own expression.
   */
  trace(rule: Rule, captures: ReadonlyMap<string, SyntaxNode[]>, sink: SyntaxNode): FlowMatch | null {
    const reach = this.reachOf(rule);
    if (!reach.mayReach(sink)) return null;
    const { sources, sanitizers, steps, sourceReach, dead } = this.matchesOf(rule);
    // Again from the sources themselves: the text was perhaps only in strings and comments.
    if (sources.size === 0 || !sourceReach.mayReach(sink)) return null;
    this.flow ??= new FileFlow(this.root, this.functionIndex());
    const question = {
      isSource: (node: SyntaxNode, viaField: boolean) => {
        const kind = sources.get(node.id);
        return kind !== undefined && (kind.fieldReads || !viaField);
      },
      isBarrier: (node: SyntaxNode) => sanitizers.has(node.id) || this.isVisitedSanitizer(rule, node),
      carries: (call: SyntaxNode) => steps.has(call.id),
    };
    for (const value of captures.get('sink') ?? []) {
      const path = this.flow.trace(value, question, dead);
      if (!path) continue;
      if (path.steps.length === 0 && sources.get(path.source.id)!.indirectOnly) return null;
      const at = (node: SyntaxNode, label: string): FlowStep => {
        // Positions as findings have them (lines split on `\n` only; see LineTable).
        const { line, column } = this.lines.position(node.startIndex);
        return { path: this.ctx.path, line, column: column + 1, label };
      };
      const source = shortCode(path.source.text);
      return {
        bindings: { source },
        flow: [at(path.source, source), ...path.steps.map((s) => at(s.node, s.label)), at(sink, sinkLabel(sink))],
      };
    }
    return null;
  }

  /** A rule's `node:` sanitizers, asked of a value a trace visits (once per rule and node). */
  private isVisitedSanitizer(rule: Rule, node: SyntaxNode): boolean {
    const visited = flowMatchersOf(rule).sanitizers.visited;
    if (visited.length === 0) return false;
    let answers = this.visitedAnswers.get(rule);
    if (!answers) this.visitedAnswers.set(rule, (answers = new Map()));
    let answer = answers.get(node.id);
    if (answer === undefined) {
      const captures = new Map([['value', [node]]]);
      answer = visited.some((m) => m.nodeType === node.type && holds(m.where, captures, this.ctx));
      answers.set(node.id, answer);
    }
    return answer;
  }

  /** The file's functions and classes by position, shared with the file's FileFlow. */
  private functionIndex(): DefinitionIndex {
    return (this.definitions ??= new DefinitionIndex(this.root));
  }

  /** Where the text a rule's sources need occurs, as the functions that hold it (see SourceReach). */
  private reachOf(rule: Rule): SourceReach {
    let reach = this.reaches.get(rule);
    if (!reach) {
      const starts = this.startsOf(flowMatchersOf(rule).sources);
      this.reaches.set(rule, (reach = new SourceReach(starts === 'everywhere' ? null : starts, this.functionIndex())));
    }
    return reach;
  }

  /** Where the matchers' query starts (see FileAnchors.forRule), found once per file. */
  private startsOf(matchers: CompiledMatchers): SyntaxNode[] | 'everywhere' {
    let starts = this.starts.get(matchers);
    if (!starts) this.starts.set(matchers, (starts = matchers.gates ? this.anchors.forRule({ gates: matchers.gates } as GatedRule) : 'everywhere'));
    return starts;
  }

  /** Node ids of the file's sources and sanitizers, for one rule. */
  private matchesOf(rule: Rule): Matches {
    let found = this.matched.get(rule);
    if (found) return found;
    const compiled = flowMatchersOf(rule);
    const sources = new Map<number, SourceKind>();
    const sourceNodes: SyntaxNode[] = [];
    for (const [node, matcher] of this.run(compiled.sources)) {
      sourceNodes.push(node);
      // A node several matchers recognise takes the most permissive reading of each flag.
      const had = sources.get(node.id);
      sources.set(node.id, {
        fieldReads: (had?.fieldReads ?? false) || matcher.fieldReads,
        indirectOnly: (had?.indirectOnly ?? true) && matcher.indirectOnly,
      });
    }
    const sanitizers = new Set<number>();
    for (const [node] of this.run(compiled.sanitizers)) sanitizers.add(node.id);
    const steps = new Set<number>();
    for (const [node] of this.run(compiled.steps)) steps.add(node.id);
    found = { sources, sanitizers, steps, sourceReach: new SourceReach(sourceNodes, this.functionIndex()), dead: new Set() };
    this.matched.set(rule, found);
    return found;
  }

  /** The `@value` nodes the matchers recognise (`where:` holding), each with its matcher: run only where the text they need occurs, as gated rules are. */
  private run(matchers: CompiledMatchers): [SyntaxNode, FlowMatcher][] {
    const { query, matcherOfPattern } = matchers;
    if (!query) return [];
    const starts = this.startsOf(matchers);
    const matches = starts === 'everywhere' ? query.matches(this.root) : starts.flatMap((node) => query.matches(node));
    const out: [SyntaxNode, FlowMatcher][] = [];
    for (const match of matches) {
      const captures = new Map<string, SyntaxNode[]>();
      for (const { name, node } of match.captures) captures.set(name, [...(captures.get(name) ?? []), node]);
      const value = captures.get('value')?.[0];
      const matcher = matcherOfPattern[match.pattern]!;
      if (value && holds(matcher.where, captures, this.ctx)) out.push([value, matcher]);
    }
    return out;
  }
}

interface SourceKind {
  fieldReads: boolean;
  indirectOnly: boolean;
}

interface Matches {
  sources: Map<number, SourceKind>;
  sanitizers: Set<number>;
  /** Calls a rule's `steps:` say carry their arguments. */
  steps: Set<number>;
  sourceReach: SourceReach;
  /** Values from which a trace for this rule found no source (see FileFlow.trace). */
  dead: Set<string>;
}

/**
 * Which sinks are worth tracing, told from where the text the sources need occurs (the nodes the
 * source queries start from), before any query runs or any scope is analysed: a sink whose
 * function (method, or top-level function) holds no such text, calls no function that does, and
 * reads no `self.` attribute assigned in such a function, is not traced. Text at module or class
 * level (or abounding: `null`) makes every sink worth tracing. Cheap and nearly sound: what it
 * misses is a source two hops away through attributes (`self.a = pw` in one method, `self.b =
 * self.a` in another, `self.b` logged in a third). Most logging calls are then never traced.
 */
const IGNORED_OUTSIDE_FUNCTIONS = new Set(['import_statement', 'import_from_statement', 'class_definition', 'decorated_definition', 'comment', 'future_import_statement']);

class SourceReach {
  private readonly hot = new Set<number>();
  private readonly hotNames = new Set<string>();
  private readonly hotAttributes = new Set<string>();
  private readonly hotModuleNames = new Set<string>();
  everywhere = false;
  /** No source text in the file: no sink can be reached. */
  readonly none: boolean;
  private uses: RegExp | null | undefined;
  /** mayReach's answer per function, by the function node's id. */
  private readonly answers = new Map<number, boolean>();

  constructor(
    sources: readonly SyntaxNode[] | null,
    private readonly functions: DefinitionIndex,
  ) {
    if (!sources) this.everywhere = true;
    this.none = sources !== null && sources.length === 0;
    for (const source of sources ?? []) {
      const fn = functions.outermostFunction(source);
      if (!fn) {
        this.outsideFunctions(source);
        continue;
      }
      if (this.hot.has(fn.id)) continue;
      this.hot.add(fn.id);
      this.hotNames.add(fn.childForFieldName('name')?.text ?? '');
      for (const [, attr] of fn.text.matchAll(/\bself\.(\w+)\s*(?:\[[^\]\n]*\]\s*)?[-+|]?=(?!=)/g)) this.hotAttributes.add(attr!);
    }
  }

  /**
   * Text at module or class level reaches a function only through a name it defines: a module
   * name (`DEFAULTS = {...}`, `DEFAULTS.update(...)`) or a class attribute read as `self.X`.
   * Docstrings, comments, imports and decorators define none; other statements make every sink count.
   */
  private outsideFunctions(node: SyntaxNode): void {
    let n = node;
    const isTop = (p: SyntaxNode) => p.type === 'module' || (p.type === 'block' && p.parent?.type === 'class_definition');
    while (n.parent && !isTop(n.parent)) n = n.parent;
    const inClass = n.parent?.type === 'block';
    // Imports, comments and decorator arguments (`@METRICS.timer('...password')`) define no value a function reads.
    if (IGNORED_OUTSIDE_FUNCTIONS.has(n.type)) return;
    if (n.type !== 'expression_statement') {
      this.everywhere = true;
      return;
    }
    const expr = n.namedChildren[0];
    let names: string[] = [];
    if (expr?.type === 'assignment' || expr?.type === 'augmented_assignment') names = (expr.childForFieldName('left')?.text ?? '').split(/\W+/);
    else if (expr?.type === 'call') {
      const fn = expr.childForFieldName('function');
      if (fn?.type === 'attribute' && fn.childForFieldName('object')?.type === 'identifier') names = [fn.childForFieldName('object')!.text];
    } else if (expr?.type !== 'string') {
      this.everywhere = true;
      return;
    }
    for (const name of names.filter(Boolean)) (inClass ? this.hotAttributes : this.hotModuleNames).add(name);
  }

  mayReach(sink: SyntaxNode): boolean {
    if (this.everywhere) return true;
    const fn = this.functions.outermostFunction(sink);
    if (!fn || this.hot.has(fn.id)) return true;
    let reaches = this.answers.get(fn.id);
    if (reaches === undefined) {
      this.uses ??= usesOf(this.hotNames, this.hotAttributes, this.hotModuleNames);
      this.answers.set(fn.id, (reaches = this.uses !== null && this.uses.test(fn.text)));
    }
    return reaches;
  }
}

/** A call of one of the functions, a read of one of the attributes of `self` or of one of the module names; null when there are none. */
function usesOf(functions: Set<string>, attributes: Set<string>, moduleNames: Set<string>): RegExp | null {
  const alternatives = [
    ...[...functions].filter(Boolean).map((name) => `\\b${name}\\s*\\(`),
    ...[...attributes].map((attr) => `\\bself\\.${attr}\\b`),
    ...[...moduleNames].map((name) => `\\b${name}\\b`),
  ];
  return alternatives.length > 0 ? new RegExp(alternatives.join('|')) : null;
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
