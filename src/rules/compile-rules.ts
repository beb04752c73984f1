import Parser from 'tree-sitter';
import { KEYWORD_OF_NODE_TYPE } from '../analysis/python-keywords.js';
import { joinedQuery, type JoinedQuery } from './joined-query.js';
import { capturesOf } from './query-patterns.js';
import { python } from '../analysis/python-parser.js';
import { Vocabulary } from '../analysis/vocabulary.js';
import { gatesOf, type PatternGate } from './pattern-gate.js';
import { checkFlowQueries, compileFlowMatchers, linkJoinedLists, type CompiledFlow } from './flow-matchers.js';
import type { Rule } from './rule.js';
import { edgeOf, type TextCondition } from './text-condition.js';
import { RuleError } from './rule-error.js';

/** One tree-sitter query, of one rule or of several at once (the ungated ones share one pass over the tree). */
export interface CompiledQuery {
  query: Parser.Query;
  /** Pattern index → the rule it belongs to. */
  ruleOfPattern: Rule[];
  /** Pattern index → the capture names that pattern has; `where:` applies to a pattern only through these. */
  capturesOfPattern: Set<string>[];
}

/** A rule run only where the text its patterns need occurs: its query is started at each anchor (see PatternGate). */
export interface GatedRule {
  rule: Rule;
  /** One gate per pattern of the rule's query. */
  gates: PatternGate[];
  /** The rule's query alone, compiled on first use. */
  query(): CompiledQuery;
}

/** A rule that runs only inside nodes of some types: its query is started at each such node. */
export interface ScopedRule {
  rule: Rule;
  types: Set<string>;
  query(): CompiledQuery;
}

/** Rules split by how they run: gated on their text, scoped to node types, or (when neither applies) in one combined pass. */
export interface CompiledRules {
  rules: Rule[];
  gated: GatedRule[];
  scoped: ScopedRule[];
  /** The rules that cannot be gated or scoped, as one query over the whole tree; null when there are none. */
  ungated(): CompiledQuery | null;
  /** Every word the gates (and the scan itself: `import`, scope keywords) look for. */
  vocabulary: Vocabulary;
}

/**
 * Splits rules into gated, scoped and ungated ones (Semgrep's prefilter idea: a pattern that
 * matches every call should run only where its name occurs). Queries compile on first use, so a
 * scanning thread compiles only what its files need; `validate` (the default) compiles every
 * query now, so that a syntax error names the rule's file and the line inside its `query` before
 * any file is read. `gate: false` puts every rule in the ungated query (used to test that gating
 * loses nothing).
 */
export function compileRules(rules: Rule[], options: { gate?: boolean; validate?: boolean } = {}): CompiledRules {
  const gated: GatedRule[] = [];
  const scoped: ScopedRule[] = [];
  const ungated: Rule[] = [];
  for (const rule of rules) {
    if (rule.inside) {
      scoped.push({ rule, types: new Set(rule.inside), query: lazily(() => compileOne(rule)) });
      continue;
    }
    const gates = options.gate === false ? null : gatesOf(rule);
    if (gates) gated.push({ rule, gates, query: lazily(() => compileOne(rule)) });
    else ungated.push(rule);
  }
  const combined = lazily(() => (ungated.length > 0 ? describePatterns(joinedQuery(ungated, (r) => r.query)) : null));
  linkJoinedLists(rules.filter((rule) => rule.flow).map(flowMatchersOf));
  if (options.validate !== false) {
    // Each query as written first, so that an error (an impossible structure too, which the
    // cheaper form may not show) names its file; then the forms that run.
    for (const rule of rules) checkQuery(rule);
    for (const rule of rules) if (rule.flow) checkFlowQueries(rule, describeQueryError);
    for (const r of [...gated, ...scoped]) r.query();
    combined();
    for (const r of scoped) for (const type of r.types) checkNodeType(r.rule, type);
    for (const rule of rules) {
      if (!rule.flow) continue;
      const { sources, sanitizers, steps } = flowMatchersOf(rule);
      for (const list of [sources, sanitizers, steps]) void list.query;
    }
  }
  return { rules, gated, scoped, ungated: combined, vocabulary: vocabularyOf(gated, scoped) };
}

/** A flow rule's compiled source and sanitizer queries (compiled on first use, once per rule). */
export function flowMatchersOf(rule: Rule): CompiledFlow {
  return compileFlowMatchers(rule, describeQueryError);
}

function vocabularyOf(gated: GatedRule[], scoped: ScopedRule[]): Vocabulary {
  const words = ['import'];
  const allGates = gated.flatMap((g) => g.gates);
  // A flow rule's sources, sanitizers and steps are gated too (their gates are read without
  // compiling their queries; a list that is not gated runs everywhere and searches for no word).
  for (const { rule } of gated) {
    if (!rule.flow) continue;
    const { sources, sanitizers, steps } = flowMatchersOf(rule);
    for (const list of [sources, sanitizers, steps]) allGates.push(...(list.gates ?? []));
  }
  // Gates are shared by the rules and lists asking for one query (see gatesOf): each is read once,
  // and the Vocabulary keeps each word once, in an order of its own.
  const conditions = new Set<TextCondition>();
  for (const gate of new Set(allGates)) for (const condition of gate.conditions) conditions.add(condition);
  for (const condition of conditions) {
    if (condition.kind === 'literals') words.push(...condition.literals.filter((_, i) => edgeOf(condition, i) === 'both'));
    if (condition.kind === 'names') words.push(...condition.names.flatMap((name) => name.split('.')).filter((part) => !part.endsWith('*')));
  }
  for (const { types } of scoped) for (const type of types) words.push(KEYWORD_OF_NODE_TYPE.get(type) ?? '');
  return new Vocabulary(words.filter(Boolean));
}

function lazily<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

function compileOne(rule: Rule): CompiledQuery {
  try {
    return describePatterns(joinedQuery([rule], (r) => r.query));
  } catch {
    // The error as the rule's author wrote the query.
    checkQuery(rule);
    throw new RuleError(rule.file, 'query', `the query does not compile once its implied node types are written as \`_\``);
  }
}

/** Compiles the query as written; throws RuleError naming the rule's file and the line inside the query. */
function checkQuery(rule: Rule): void {
  try {
    new Parser.Query(python, rule.query);
  } catch (error) {
    throw new RuleError(rule.file, 'query', describeQueryError(error as Error, rule.query));
  }
}

function checkNodeType(rule: Rule, type: string): void {
  try {
    new Parser.Query(python, `(${type}) @scope`);
  } catch {
    throw new RuleError(rule.file, 'inside', `'${type}' is not a node type of the Python grammar`);
  }
}

/** Each pattern of a joined query with its rule and its capture names. */
function describePatterns({ query, source, ownerOfPattern }: JoinedQuery<Rule>): CompiledQuery {
  const capturesOfPattern: Set<string>[] = [];
  const bytes = Buffer.from(source);
  for (let i = 0; i < ownerOfPattern.length; i++) {
    const text = bytes.subarray(query.startIndexForPattern(i), query.endIndexForPattern(i)).toString();
    capturesOfPattern.push(capturesOf(text));
  }
  return { query, ruleOfPattern: ownerOfPattern, capturesOfPattern };
}

function describeQueryError(error: Error, query: string): string {
  const match = /of type TSQueryError(\w+) at position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const offset = Number(match[2]);
  const before = Buffer.from(query).subarray(0, offset).toString();
  const line = before.split('\n').length;
  const text = query.split('\n')[line - 1]?.trim() ?? '';
  const kinds: Record<string, string> = {
    NodeType: 'unknown node type',
    Field: 'unknown field name',
    Capture: 'unknown capture in a predicate',
    Syntax: 'syntax error',
    Structure: 'impossible pattern structure',
    Language: 'language mismatch',
  };
  return `${kinds[match[1]!] ?? match[1]} at line ${line} of the query: ${text}`;
}
