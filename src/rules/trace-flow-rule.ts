import { shortCode } from '../analysis/fill-template.js';
import { FileFlow } from '../analysis/flow/file-flow.js';
import type { SyntaxNode } from '../analysis/syntax.js';
import type { FlowStep } from '../findings/finding.js';
import { flowMatchersOf } from './compile-rules.js';
import type { CompiledMatcher } from './flow-matchers.js';
import { PREDICATES } from './predicates/index.js';
import type { PredicateContext } from './predicates/predicate.js';
import type { PredicateCall, Rule } from './rule.js';

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

  constructor(
    private readonly root: SyntaxNode,
    private readonly ctx: PredicateContext,
  ) {}

  /**
   * Traces the sink's `@sink` captures back to the rule's sources; null when none carries one,
   * or when the nearest is an `indirect-only` source written in the sink's own expression.
   */
  trace(rule: Rule, captures: ReadonlyMap<string, SyntaxNode[]>, sink: SyntaxNode): FlowMatch | null {
    const { sources, sanitizers } = this.matchesOf(rule);
    if (sources.size === 0) return null;
    this.flow ??= new FileFlow(this.root);
    const question = {
      isSource: (node: SyntaxNode, viaField: boolean) => {
        const kind = sources.get(node.id);
        return kind !== undefined && (kind.fieldReads || !viaField);
      },
      isBarrier: (node: SyntaxNode) => sanitizers.has(node.id),
    };
    for (const value of captures.get('sink') ?? []) {
      const path = this.flow.trace(value, question);
      if (!path) continue;
      if (path.steps.length === 0 && sources.get(path.source.id)!.indirectOnly) return null;
      const at = (node: SyntaxNode, label: string): FlowStep => ({
        path: this.ctx.path,
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        label,
      });
      const source = shortCode(path.source.text);
      return {
        bindings: { source },
        flow: [at(path.source, source), ...path.steps.map((s) => at(s.node, s.label)), at(sink, sinkLabel(sink))],
      };
    }
    return null;
  }

  /** Node ids of the file's sources and sanitizers, for one rule. */
  private matchesOf(rule: Rule): Matches {
    let found = this.matched.get(rule);
    if (found) return found;
    const compiled = flowMatchersOf(rule);
    const sources = new Map<number, SourceKind>();
    for (const m of compiled.sources) {
      for (const node of this.run(m)) {
        // A node several matchers recognise takes the most permissive reading of each flag.
        const had = sources.get(node.id);
        sources.set(node.id, {
          fieldReads: (had?.fieldReads ?? false) || m.matcher.fieldReads,
          indirectOnly: (had?.indirectOnly ?? true) && m.matcher.indirectOnly,
        });
      }
    }
    const sanitizers = new Set<number>();
    for (const m of compiled.sanitizers) for (const node of this.run(m)) sanitizers.add(node.id);
    found = { sources, sanitizers };
    this.matched.set(rule, found);
    return found;
  }

  /** The `@value` nodes of a matcher's query over the file whose `where:` holds. */
  private run({ matcher, query }: CompiledMatcher): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const match of query.matches(this.root)) {
      const captures = new Map<string, SyntaxNode[]>();
      for (const { name, node } of match.captures) captures.set(name, [...(captures.get(name) ?? []), node]);
      const value = captures.get('value')?.[0];
      if (value && holds(matcher.where, captures, this.ctx)) out.push(value);
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
