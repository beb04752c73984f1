import type { Level } from '../findings/finding.js';
import type { FlowSpec } from './flow-spec.js';

/** The rule families; a rule's YAML lives in rules/<family>/. */
export const FAMILIES = [
  'input-validation',
  'secrets',
  'error-handling',
  'resources',
  'transport',
  'crypto',
  'classics',
  'access-control',
] as const;
export type Family = (typeof FAMILIES)[number];

/** One predicate application in `where:`: a predicate name and its argument, possibly negated. */
export interface PredicateCall {
  name: string;
  arg: unknown;
  negated: boolean;
}

/** What a rule's docs say: fixed sections, as Ruff's docs have. */
export interface RuleDocs {
  why: string;
  fix: string;
  bad: string;
  good: string;
  references: string[];
}

/** A rule as read from its YAML file and validated. */
export interface Rule {
  id: string;
  name: string;
  title: string;
  family: Family;
  severity: Level;
  confidence: Level;
  cwe: string;
  bandit: string[];
  ruff: string[];
  /** With `{capture}` placeholders, filled with the captured code (shortened). */
  message: string;
  /** A tree-sitter query; the capture `@finding` is the reported span. */
  query: string;
  /** Predicates per capture name, all of which must hold. */
  where: Record<string, PredicateCall[]>;
  /** When set, the query runs only inside nodes of these types (e.g. `except_clause`), started at each. */
  inside?: string[];
  /**
   * Optional mechanical fix: a template over captures replacing the `@finding` node's text, or a
   * mapping from capture name to template: the first capture present in a match is replaced by
   * its template (a match holding none of them gets no fix).
   */
  fix?: string | Record<string, string>;
  /** Set by `mode: flow`: `query` is then the sink, and a finding needs a source's value to reach its `@sink` captures (see flow-spec.ts). */
  flow?: FlowSpec;
  docs: RuleDocs;
  /** `default: off`: the rule runs only when a config names it in `rules.enable` (or `rules.only`). */
  optIn?: true;
  /** The YAML file it came from, for error messages. */
  file: string;
}
