import Parser from 'tree-sitter';
import { python } from '../analysis/python-parser.js';
import type { FlowMatcher } from './flow-spec.js';
import type { Rule } from './rule.js';
import { RuleError } from './rule-error.js';

/** A flow rule's source or sanitizer matcher with its query compiled. */
export interface CompiledMatcher {
  matcher: FlowMatcher;
  query: Parser.Query;
}

/** A flow rule's compiled matchers. */
export interface CompiledFlow {
  sources: CompiledMatcher[];
  sanitizers: CompiledMatcher[];
}

const compiled = new WeakMap<Rule, CompiledFlow>();

/**
 * Compiles a flow rule's source and sanitizer queries once per rule; a bad query throws
 * RuleError naming the rule's file, the matcher's field (`sources[1].query`) and the line inside it.
 */
export function compileFlowMatchers(rule: Rule, describeQueryError: (error: Error, query: string) => string): CompiledFlow {
  let flow = compiled.get(rule);
  if (flow) return flow;
  const compile = (matcher: FlowMatcher): CompiledMatcher => {
    try {
      return { matcher, query: new Parser.Query(python, matcher.query) };
    } catch (error) {
      throw new RuleError(rule.file, `${matcher.field}.query`, describeQueryError(error as Error, matcher.query));
    }
  };
  flow = { sources: rule.flow!.sources.map(compile), sanitizers: rule.flow!.sanitizers.map(compile) };
  compiled.set(rule, flow);
  return flow;
}
