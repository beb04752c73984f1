import Parser from 'tree-sitter';
import { python } from '../analysis/python-parser.js';
import type { Rule } from './rule.js';
import { RuleError } from './rule-error.js';

/** Patterns the scanner needs for itself, run in the same pass as the rules. */
const INTERNAL_QUERY = `
(import_statement) @import
(import_from_statement) @import
(comment) @comment
`;

/** All enabled rules as ONE tree-sitter query: one pass over a tree serves every rule. */
export interface CompiledRules {
  rules: Rule[];
  query: Parser.Query;
  /** Pattern index → the rule it belongs to, or null for an internal pattern. */
  ruleOfPattern: (Rule | null)[];
  /** Pattern index → the capture names that pattern has; `where:` applies to a pattern only through these. */
  capturesOfPattern: Set<string>[];
}

/**
 * Compiles each rule's query alone first, so a syntax error names the rule's file and the line
 * inside its `query`, then builds the combined query.
 */
export function compileRules(rules: Rule[]): CompiledRules {
  for (const rule of rules) {
    try {
      new Parser.Query(python, rule.query);
    } catch (error) {
      throw new RuleError(rule.file, 'query', describeQueryError(error as Error, rule.query));
    }
  }
  let source = INTERNAL_QUERY;
  const starts: { offset: number; rule: Rule }[] = [];
  for (const rule of rules) {
    source += '\n';
    starts.push({ offset: Buffer.byteLength(source), rule });
    source += rule.query;
  }
  const query = new Parser.Query(python, source);
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
  return { rules, query, ruleOfPattern, capturesOfPattern };
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
