import Parser from 'tree-sitter';
import { python } from '../analysis/python-parser.js';
import { isRootedBelowStatements, requiredTokens, type Term } from './required-tokens.js';
import type { Rule } from './rule.js';
import { RuleError } from './rule-error.js';

const IMPORT_PATTERNS = '(import_statement) @import\n(import_from_statement) @import\n';

/** One combined tree-sitter query: a single pass over a tree serves every rule in it. */
export interface CompiledQuery {
  query: Parser.Query;
  /** Pattern index → the rule it belongs to, or null for an internal pattern (imports, scopes). */
  ruleOfPattern: (Rule | null)[];
  /** Pattern index → the capture names that pattern has; `where:` applies to a pattern only through these. */
  capturesOfPattern: Set<string>[];
}

/**
 * A rule run only where one of its words occurs: its query is started at the statement holding
 * each occurrence. Rules whose patterns all need a word and sit below statement level qualify.
 */
export interface GatedRule {
  rule: Rule;
  query: CompiledQuery;
  /** Words one of which every match contains (last parts of `resolves-to` names, `#eq?` literals). */
  words: string[];
  /** The same words as one regular expression, matching whole identifiers. */
  wordPattern: RegExp;
  /** Whether a file holds what some pattern of the rule needs at all (all parts of a name, say); `has` tells whether the file contains a text. */
  fileMayMatch(has: (text: string) => boolean): boolean;
}

/** A rule that runs only inside nodes of some types: its query is started at each such node. */
export interface ScopedRule {
  rule: Rule;
  query: CompiledQuery;
  types: Set<string>;
}

/** Validated rules, split into the one combined query, the word-gated and the scoped rules. */
export interface CompiledRules {
  rules: Rule[];
  /** Imports, scope nodes and every rule that cannot be gated or scoped: one pass over each tree. */
  always: CompiledQuery;
  gated: GatedRule[];
  scoped: ScopedRule[];
  /** One combined query for several gated rules at once (cached by rule set), for files where their words abound. */
  combinedOf(rules: readonly Rule[]): CompiledQuery;
}


/**
 * Compiles each rule's query alone, so a syntax error names the rule's file and the line inside
 * its `query`; then splits rules into the combined query and the word-gated ones (Semgrep's
 * prefilter idea: a pattern that matches every call should run only where its name occurs).
 * `gate: false` puts every rule in the combined query (used to test that gating loses nothing).
 */
export function compileRules(rules: Rule[], options: { gate?: boolean } = {}): CompiledRules {
  const ungated: Rule[] = [];
  const gated: GatedRule[] = [];
  const scoped: ScopedRule[] = [];
  for (const rule of rules) {
    let alone: Parser.Query;
    try {
      alone = new Parser.Query(python, rule.query);
    } catch (error) {
      throw new RuleError(rule.file, 'query', describeQueryError(error as Error, rule.query));
    }
    if (rule.inside) {
      for (const type of rule.inside) {
        try {
          new Parser.Query(python, `(${type}) @scope`);
        } catch {
          throw new RuleError(rule.file, 'inside', `'${type}' is not a node type of the Python grammar`);
        }
      }
      scoped.push({ rule, query: describePatterns(alone, rule.query, [{ offset: 0, rule }]), types: new Set(rule.inside) });
      continue;
    }
    const gate = options.gate === false ? null : gateOf(alone, rule);
    if (gate) gated.push({ rule, query: describePatterns(alone, rule.query, [{ offset: 0, rule }]), words: gate.words, wordPattern: wordRegExp(gate.words), fileMayMatch: gate.fileMayMatch });
    else ungated.push(rule);
  }
  const scopes = [...new Set(scoped.flatMap((r) => [...r.types]))];
  const combinations = new Map<string, CompiledQuery>();
  const combinedOf = (subset: readonly Rule[]): CompiledQuery => {
    const key = subset.map((r) => r.id).join(',');
    let query = combinations.get(key);
    if (!query) {
      if (combinations.size >= 64) combinations.delete(combinations.keys().next().value!);
      combinations.set(key, (query = describePatterns(...joinQueries(subset))));
    }
    return query;
  };
  return { rules, always: combine(ungated, scopes), gated, scoped, combinedOf };
}

/** How a rule is gated, or null when some pattern could match without any word or above statement level. */
function gateOf(query: Parser.Query, rule: Rule): { words: string[]; fileMayMatch: (has: (text: string) => boolean) => boolean } | null {
  const bytes = Buffer.from(rule.query);
  const words = new Set<string>();
  const patterns: Term[][][] = [];
  for (let i = 0; i < countPatterns(query); i++) {
    const text = bytes.subarray(query.startIndexForPattern(i), query.endIndexForPattern(i)).toString();
    if (!isRootedBelowStatements(text)) return null;
    const conditions = requiredTokens(text, rule);
    if (conditions.length === 0) return null;
    patterns.push(conditions);
    // Any one condition will do at statement level; the one with the longest shortest word is likely the rarest.
    const shortest = (c: Term[]) => Math.min(...c.map((t) => t.word.length));
    const best = conditions.reduce((a, b) => (shortest(b) > shortest(a) ? b : a));
    for (const term of best) words.add(term.word);
  }
  return {
    words: [...words],
    fileMayMatch: (has) => patterns.some((conditions) => conditions.every((terms) => terms.some((term) => term.parts.every(has)))),
  };
}

/**
 * Matches any of `words` where it stands as a whole word (`\b` only on sides that are word
 * characters); a word ending in `*` matches as a prefix (`exec*` finds `execv`).
 */
export function wordRegExp(words: readonly string[]): RegExp {
  const alternatives = [...new Set(words)].map((word) => {
    const prefix = word.endsWith('*');
    const w = prefix ? word.slice(0, -1) : word;
    return (/^\w/.test(w) ? '\\b' : '') + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (!prefix && /\w$/.test(w) ? '\\b' : '');
  });
  return new RegExp(alternatives.join('|'), 'g');
}

function combine(rules: Rule[], scopes: string[]): CompiledQuery {
  return describePatterns(...joinQueries(rules, IMPORT_PATTERNS + scopes.map((type) => `(${type}) @scope\n`).join('')));
}

/** Compiles rules' queries as one, after `prefix` (internal patterns), remembering where each rule starts. */
function joinQueries(rules: readonly Rule[], prefix = ''): [Parser.Query, string, { offset: number; rule: Rule }[]] {
  let source = prefix;
  const starts: { offset: number; rule: Rule }[] = [];
  for (const rule of rules) {
    source += '\n';
    starts.push({ offset: Buffer.byteLength(source), rule });
    source += rule.query;
  }
  return [new Parser.Query(python, source), source, starts];
}

/** Maps each pattern of a query to its rule (by where its text starts) and to its capture names. */
function describePatterns(query: Parser.Query, source: string, starts: { offset: number; rule: Rule }[]): CompiledQuery {
  const ruleOfPattern: (Rule | null)[] = [];
  const capturesOfPattern: Set<string>[] = [];
  const bytes = Buffer.from(source);
  for (let i = 0, count = countPatterns(query); i < count; i++) {
    const offset = query.startIndexForPattern(i);
    let owner: Rule | null = null;
    for (const start of starts) if (start.offset <= offset) owner = start.rule;
    ruleOfPattern.push(owner);
    const text = bytes.subarray(offset, query.endIndexForPattern(i)).toString();
    capturesOfPattern.push(new Set([...text.matchAll(/@([A-Za-z_][\w.-]*)/g)].map((m) => m[1]!)));
  }
  return { query, ruleOfPattern, capturesOfPattern };
}

function countPatterns(query: Parser.Query): number {
  // The node binding keeps one predicate list per pattern; probing past the end aborts the process.
  return (query as unknown as { predicates: unknown[] }).predicates.length;
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
