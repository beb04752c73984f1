/** Findings one file may produce before its scan stops: past this the file is reported as partly analysed. */
export const DEFAULT_MAX_FINDINGS = 1000;

/** Milliseconds one file's scan may take before it stops (in this thread) or its worker is killed (on the pool). */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

/** Bounds on one file's scan; each defaults to the constant above. */
export interface ScanLimits {
  maxFindings?: number;
  timeBudgetMs?: number;
}

/** The reason a file's scan stopped at its finding cap. */
export function findingCapReason(maxFindings: number): string {
  return `partly analysed: stopped after ${withCommas(maxFindings)} findings (the per-file cap)`;
}

/** The reason a file's scan ran out of time. */
export function timeBudgetReason(timeBudgetMs: number): string {
  return `not fully analysed: the scan took longer than its time budget of ${timeBudgetMs / 1000} s`;
}

/** 1000 → `1,000` (toLocaleString would load Intl's data, 90 ms, on a hostile file's path). */
function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
