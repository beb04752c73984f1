import type { Finding } from './finding.js';

/** The `diffsec_baseline` version this code writes and reads. */
export const BASELINE_VERSION = 1;

/** One accepted finding: its rule and fingerprint identify it; path and line are for the reader. */
export interface BaselineEntry {
  rule: string;
  fingerprint: string;
  path: string;
  line: number;
}

/** A baseline file: findings a team accepted when it adopted diffsec, not reported again. */
export interface Baseline {
  diffsec_baseline: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** A baseline file that cannot be read as one; the message names the file and the problem. */
export class BaselineError extends Error {}

/**
 * The baseline of a review's findings: every unsuppressed one, sorted by path, line and rule so
 * that a rewritten file diffs well. Returns the file's text (JSON, one entry a line).
 */
export function renderBaseline(findings: readonly Finding[]): string {
  const entries = findings
    .filter((f) => !f.suppressed)
    .map((f): BaselineEntry => ({ rule: f.ruleId, fingerprint: f.fingerprint, path: f.path, line: f.line }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "diffsec_baseline": ${BASELINE_VERSION},\n  "findings": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Reads a baseline file's text; throws BaselineError naming `source` when it is not one. */
export function parseBaseline(text: string, source: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${source}: not a diffsec baseline (not JSON: ${(error as Error).message})`);
  }
  const record = doc as { diffsec_baseline?: unknown; findings?: unknown };
  if (typeof doc !== 'object' || doc === null || record.diffsec_baseline !== BASELINE_VERSION) {
    throw new BaselineError(`${source}: not a diffsec baseline (it needs "diffsec_baseline": ${BASELINE_VERSION}; write one with --write-baseline)`);
  }
  if (!Array.isArray(record.findings)) throw new BaselineError(`${source}: "findings" must be a list`);
  record.findings.forEach((entry: unknown, index: number) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (typeof e !== 'object' || e === null || typeof e.rule !== 'string' || typeof e.fingerprint !== 'string') {
      throw new BaselineError(`${source}: findings[${index}] needs a "rule" and a "fingerprint" (strings)`);
    }
  });
  return doc as Baseline;
}

/**
 * Splits findings into those the baseline does not hold (still reported) and the number it holds.
 * Matching is by rule and fingerprint only, so a moved line still matches and an entry whose
 * finding is gone (fixed, or its line edited) matches nothing and is harmless.
 */
export function applyBaseline<F extends Pick<Finding, 'ruleId' | 'fingerprint'>>(findings: readonly F[], baseline: Baseline): { kept: F[]; baselined: number } {
  const known = new Set(baseline.findings.map((e) => `${e.rule}\0${e.fingerprint}`));
  const kept = findings.filter((f) => !known.has(`${f.ruleId}\0${f.fingerprint}`));
  return { kept, baselined: findings.length - kept.length };
}
