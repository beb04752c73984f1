import type { PredicateCall } from './rule.js';

/**
 * One way of recognising a source or a sanitizer: a tree-sitter query whose `@value` capture is
 * the recognised expression, with `where:` predicates on its captures (as a rule's).
 */
export interface FlowMatcher {
  query: string;
  where: Record<string, PredicateCall[]>;
  /**
   * Sources only: whether reading a field of the value still carries it. False for names that
   * describe the whole object (`credentials.username` reveals no credential); true for containers
   * of untrusted data (`request.args['q']`).
   */
  fieldReads: boolean;
  /**
   * Sources only: when such a source is written in the sink's own expression (no step between),
   * the sink is left to a one-expression rule (DS201 for secrets in logs) and not reported here,
   * so that a line is not reported twice.
   */
  indirectOnly: boolean;
  /** Where it was written, for messages: `sources[0]`. */
  field: string;
  /**
   * Sources only (`redacted-with:`): dotted key paths that hold the recognised value's secrets, so
   * that removing or masking one of them on the way to the sink (`del connection_info['data']`)
   * leaves nothing to report. A secret-named key and a credential header always count.
   */
  redactedWith?: string[];
  /**
   * Sanitizers only, set by `node: identifier`: no query runs; a value of this node type that a
   * trace visits is tested with `where:` on `@value` then (for judgements too costly to make on
   * every node of a file, as `validated-before`).
   */
  nodeType?: string;
}

/**
 * What `mode: flow` adds to a rule (Semgrep's taint mode, in this engine's terms): the rule's
 * `query` and `where:` find the sink and its `@sink` captures are the values traced; a finding
 * needs one of them to carry a source's value, not through a sanitizer.
 */
export interface FlowSpec {
  sources: FlowMatcher[];
  sanitizers: FlowMatcher[];
  /**
   * Calls that carry their arguments' values into their result, beyond those the layer knows
   * (`build_command(host, path)`, a project's helper in another file): `@value` is the call.
   */
  steps: FlowMatcher[];
  /**
   * Secret words a project adds in `.github/diffsec.yml` (`flow.secret_names`), beyond those the
   * rule's own secret-name predicates name: a redacted key so named takes a source's secret out.
   */
  secretWords?: string[];
}
