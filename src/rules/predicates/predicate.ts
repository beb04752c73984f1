import type { ImportMap } from '../../analysis/import-map.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import type { TextCondition } from '../text-condition.js';

/** What a predicate may know about the file beyond the node it tests. */
export interface PredicateContext {
  path: string;
  imports: ImportMap;
}

/** Extra message placeholders a predicate may fill, e.g. `{secret}` with the variable it found. */
export type Bindings = Record<string, string>;

/**
 * A named test applied to a capture in a rule's `where:`. Implemented and tested once, shared by
 * every rule that names it; the tree-sitter query itself holds only built-in predicates.
 */
export interface Predicate {
  name: string;
  /** One sentence for the rule-writing guide. */
  description: string;
  /** Validates the YAML argument when rules load; returns a reason when it is wrong. */
  checkArg(arg: unknown): string | null;
  /** Tests a captured node; may return bindings instead of `true`. */
  test(node: SyntaxNode, arg: unknown, ctx: PredicateContext): boolean | Bindings;
  /** Placeholder names its bindings may fill. */
  binds?: readonly string[];
  /**
   * Text the captured node must contain whenever the predicate holds, so that rules using it run
   * only where that text occurs. Leave it out when the predicate looks beyond its node.
   */
  condition?(arg: unknown): TextCondition | null;
}

/** Argument checkers shared by predicates. */
export const expectTrue = (arg: unknown): string | null => (arg === true ? null : 'takes `true`');

export const expectStringList = (arg: unknown): string | null =>
  Array.isArray(arg) && arg.length > 0 && arg.every((x) => typeof x === 'string' && x.length > 0)
    ? null
    : 'takes a non-empty list of strings';

export const expectString = (arg: unknown): string | null =>
  typeof arg === 'string' && arg.length > 0 ? null : 'takes a non-empty string';
