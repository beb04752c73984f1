import Parser from 'tree-sitter';
import { joinedQuery } from './joined-query.js';
import type { FlowMatcher } from './flow-spec.js';
import { gatesOf, type PatternGate } from './pattern-gate.js';
import { compiledQuery } from './query-cache.js';
import type { Rule } from './rule.js';
import { RuleError } from './rule-error.js';

/** A flow rule's sources (or sanitizers) as one query, so that a file is searched once for all of them. */
export interface CompiledMatchers {
  /** Whether the list has query matchers (else `query` is null). */
  hasQuery: boolean;
  /** Null when the list has no query matchers; compiled on first read. */
  query: Parser.Query | null;
  /** Pattern index → the matcher it belongs to (its `where:` applies). */
  matcherOfPattern: FlowMatcher[];
  /** The text the patterns need, as rules' gates (see pattern-gate.ts); null when some pattern may match anywhere. */
  gates: PatternGate[] | null;
  /** `node:` matchers, tested on the values a trace visits (no query). */
  visited: FlowMatcher[];
  /**
   * Each matcher's query text and `where:`: lists alike (rules borrowing DS205's sources
   * with `from:`) match the same nodes, so a file's matches are found once for all of them.
   */
  signature: string;
  /**
   * The signature with each matcher's flags (`field-reads`, `indirect-only`) and `redacted-with`
   * keys, which the found matches carry: lists with equal keys have interchangeable matches.
   */
  key: string;
  /**
   * When the list is other rules' lists whole, one after another (DS207's sources: DS205's, then
   * DS211's), those lists: its matches are theirs, each lent matcher read as this list's own at
   * the same place (its flags may differ: DS209 takes DS205's with `indirect-only: false`).
   */
  parts?: { list: CompiledMatchers; own: Map<FlowMatcher, FlowMatcher> }[];
  /** The query matchers, in order. */
  matchers: FlowMatcher[];
  /** Each query matcher's query and `where:`, which say what it matches (what linkJoinedLists compares). */
  matcherKeys: string[];
}

/** A flow rule's compiled matchers. */
export interface CompiledFlow {
  sources: CompiledMatchers;
  sanitizers: CompiledMatchers;
  steps: CompiledMatchers;
}

const compiled = new WeakMap<Rule, CompiledFlow>();

/**
 * Compiles each query of a flow rule's lists alone, as written (what runs is their cheaper form,
 * see cheaper-query.ts); a bad one throws RuleError naming the rule's file, the matcher's field
 * (`sources[1].query`) and the line inside it.
 */
export function checkFlowQueries(rule: Rule, describeQueryError: (error: Error, query: string) => string): void {
  for (const matcher of [...rule.flow!.sources, ...rule.flow!.sanitizers, ...(rule.flow!.steps ?? [])]) {
    if (matcher.nodeType !== undefined) continue;
    try {
      // Once per text: a list borrowed with `from:` (DS205's by six rules) is checked once, not per rule.
      compiledQuery(matcher.query);
    } catch (error) {
      throw new RuleError(rule.file, `${matcher.field}.query`, describeQueryError(error as Error, matcher.query));
    }
  }
}

/**
 * Compiles a flow rule's source, sanitizer and step lists once per rule, each list as one query
 * (in its cheaper form, see cheaper-query.ts); when a list does not compile, its queries are
 * compiled one by one as written, so that RuleError names the rule's file, the matcher's field
 * (`sources[1].query`) and the line inside it.
 */
export function compileFlowMatchers(rule: Rule, describeQueryError: (error: Error, query: string) => string): CompiledFlow {
  let flow = compiled.get(rule);
  if (flow) return flow;
  const combine = (all: FlowMatcher[]): CompiledMatchers => {
    const visited = all.filter((m) => m.nodeType !== undefined);
    const matchers = all.filter((m) => m.nodeType === undefined);
    // Gates alike (several sources needing a secret's name) are searched for once.
    const gates = new Map<string, PatternGate>();
    let gated = true;
    for (const matcher of matchers) {
      const own = gatesOf({ ...rule, query: matcher.query, where: matcher.where });
      if (own) for (const gate of own) gates.set(JSON.stringify(gate), gate);
      else gated = false;
    }
    if (matchers.length === 0) return { hasQuery: false, query: null, matcherOfPattern: [], gates: [], visited, signature: '', key: '|', matchers, matcherKeys: [] };
    // Compiled on first use: a file where the list's text does not occur (its gates answer that)
    // never needs the query, and on a short scan most lists are never compiled.
    let built: { query: Parser.Query; matcherOfPattern: FlowMatcher[] } | null = null;
    const build = () => {
      if (built) return built;
      try {
        // Rules borrowing one list (`from: DS205`) share one query.
        const { query, ownerOfPattern } = joinedQuery(matchers, (m) => m.query);
        return (built = { query, matcherOfPattern: ownerOfPattern });
      } catch (combined) {
        checkFlowQueries(rule, describeQueryError);
        throw combined;
      }
    };
    // Each matcher's query as written and its `where:` say what the list matches, and which
    // matcher each pattern belongs to, as the compiled query's pattern-to-matcher map would.
    const matcherKeys = matchers.map((m) => JSON.stringify([m.query, m.where]));
    const signature = JSON.stringify(matcherKeys);
    return {
      hasQuery: true,
      get query() {
        return build().query;
      },
      get matcherOfPattern() {
        return build().matcherOfPattern;
      },
      gates: gated ? [...gates.values()] : null,
      visited,
      signature,
      key: `${matchers.map((m) => `${m.fieldReads ? 1 : 0}${m.indirectOnly ? 1 : 0}${m.redactedWith ? JSON.stringify(m.redactedWith) : ''}`).join('')}|${signature}`,
      matchers,
      matcherKeys,
    };
  };
  flow = { sources: combine(rule.flow!.sources), sanitizers: combine(rule.flow!.sanitizers), steps: combine(rule.flow!.steps ?? []) };
  compiled.set(rule, flow);
  return flow;
}

/**
 * Marks each flow rule's source list that is other rules' source lists whole, one after another,
 * with those lists (CompiledMatchers.parts): DS207-DS212 borrow DS205's and DS211's with `from:`,
 * and a file's sources are then matched once per lent list instead of again by each joined one.
 * Only lists with no `node:` matchers, whose matchers' queries and `where:` are equal in order.
 */
export function linkJoinedLists(flows: readonly CompiledFlow[]): void {
  const own = flows.map((f) => f.sources).filter((list) => list.hasQuery && list.visited.length === 0);
  for (const list of own) {
    if (list.parts) continue;
    const parts: NonNullable<CompiledMatchers['parts']> = [];
    let at = 0;
    while (at < list.matcherKeys.length) {
      // The longest lent list that the joined one continues with.
      let best: CompiledMatchers | null = null;
      for (const lent of own) {
        if (lent === list || lent.parts || lent.matcherKeys.length >= list.matcherKeys.length) continue;
        if (best && lent.matcherKeys.length <= best.matcherKeys.length) continue;
        if (lent.matcherKeys.every((k, i) => list.matcherKeys[at + i] === k)) best = lent;
      }
      if (!best) break;
      const start = at;
      parts.push({ list: best, own: new Map(best.matchers.map((m, i) => [m, list.matchers[start + i]!])) });
      at += best.matcherKeys.length;
    }
    if (at === list.matcherKeys.length && parts.length > 1) list.parts = parts;
  }
}
