import type { Finding, Level, Scope } from '../findings/finding.js';
import type { ReviewResult } from '../review.js';

/** The JSON format's version: bumped only on a change that can break a reader (removing or retyping a key). */
export const JSON_FORMAT_VERSION = 1;

export interface JsonOptions {
  /** diffsec's own version, for `tool.version`. */
  toolVersion: string;
}

/** One finding as docs/json-format.md documents it. */
export interface JsonFinding {
  rule: string;
  name: string;
  title: string;
  severity: Level;
  confidence: Level;
  cwe: string;
  bandit: string | null;
  ruff: string | null;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
  /** `changed` (touches a changed line), `new` (off the changed lines of a modified file, absent from its base) or `file` (whole file in scope); the pipeline drops `outside` ones. */
  scope: Scope;
  /** false, or the comment that silenced it and its reason (null when the comment gives none). */
  suppressed: false | { comment: string; reason: string | null };
  /** Flow rules only (absent otherwise): the steps from the source to the sink, in order. */
  flow?: Array<{ path: string; line: number; column: number; label: string }>;
}

/** The whole document as docs/json-format.md documents it. */
export interface JsonReport {
  version: number;
  tool: { name: 'diffsec'; version: string };
  findings: JsonFinding[];
  skipped: Array<{ path: string; reason: string; incomplete?: true }>;
  errors: string[];
  /** Present when there are any: notes for the reader, e.g. a suppression comment naming no rule. */
  notes?: string[];
  stats: { files: number; lines: number; durationMs: number; outsideDiff: number; belowThreshold: number; suppressed: number };
}

/**
 * Renders a review as the stable JSON contract of docs/json-format.md: every in-scope finding
 * (suppressed ones included, `suppressed` says so), skipped files, errors and counts; two-space
 * indent, keys in a fixed order, a final newline. Pure.
 */
export function renderJson(result: Pick<ReviewResult, 'findings' | 'skipped' | 'errors' | 'stats'> & Partial<Pick<ReviewResult, 'notes'>>, options: JsonOptions): string {
  const report: JsonReport = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'diffsec', version: options.toolVersion },
    findings: result.findings.map(toJsonFinding),
    skipped: result.skipped.map((s) => ({ path: s.path, reason: s.reason, ...(s.incomplete ? { incomplete: true as const } : {}) })),
    errors: [...result.errors],
    ...(result.notes?.length ? { notes: [...result.notes] } : {}),
    stats: {
      files: result.stats.files,
      lines: result.stats.lines,
      durationMs: result.stats.durationMs,
      outsideDiff: result.stats.outsideDiff,
      belowThreshold: result.stats.belowThreshold,
      suppressed: result.findings.filter((f) => f.suppressed).length,
    },
  };
  return JSON.stringify(report, null, 2) + '\n';
}

function toJsonFinding(f: Finding): JsonFinding {
  const finding: JsonFinding = {
    rule: f.ruleId,
    name: f.ruleName,
    title: f.title,
    severity: f.severity,
    confidence: f.confidence,
    cwe: f.cwe,
    bandit: f.bandit,
    ruff: f.ruff,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    fingerprint: f.fingerprint,
    scope: f.scope,
    suppressed: f.suppressed ? { comment: f.suppressed.comment, reason: f.suppressed.reason ?? null } : false,
  };
  if (f.flow) finding.flow = f.flow.map((s) => ({ path: s.path, line: s.line, column: s.column, label: s.label }));
  return finding;
}
