import type { Finding, Level } from '../findings/finding.js';
import type { ReviewResult } from '../review.js';
import { plainText } from './markdown-escape.js';

export interface TextOptions {
  /** Wrap severities, paths and headings in ANSI colour codes (the caller decides: TTY, NO_COLOR). */
  color: boolean;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const LEVEL_COLOR: Record<Level, string> = { high: ANSI.red, medium: ANSI.yellow, low: ANSI.cyan };
const ORDER: readonly Level[] = ['high', 'medium', 'low'];

/**
 * Renders a review as compiler-style lines, `path:line:col: DS101 [high/medium] message`, where the
 * bracket holds severity/confidence; then the suppressed findings (each with the comment that
 * silenced it), skipped files with their reasons, analysis errors, warnings (the review's notes:
 * e.g. a suppression naming no rule), and one summary line:
 * `3 findings (1 high, 2 medium) in 12 files, 1 suppressed, 2 skipped, 4 outside the diff`
 * (zero counts after the first are left out). Pure: the caller writes the string.
 */
export function renderText(result: Pick<ReviewResult, 'findings' | 'skipped' | 'errors' | 'stats'> & Partial<Pick<ReviewResult, 'notes'>>, options: TextOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const active = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.filter((f) => f.suppressed);
  const out: string[] = [];

  const line = (f: Finding): string =>
    `${paint(ANSI.bold, `${clean(f.path)}:${f.line}:${f.column}:`)} ${f.ruleId} ${paint(LEVEL_COLOR[f.severity], `[${f.severity}/${f.confidence}]`)} ${clean(f.message)}`;

  for (const f of active) out.push(line(f));
  if (suppressed.length) {
    section(out, paint(ANSI.bold, `Suppressed (${suppressed.length}):`));
    for (const f of suppressed) {
      const by = `suppressed by \`${f.suppressed!.comment}\`${f.suppressed!.reason ? `: ${f.suppressed!.reason}` : ''}`;
      out.push(paint(ANSI.dim, `${clean(f.path)}:${f.line}:${f.column}: ${f.ruleId} [${f.severity}/${f.confidence}] ${clean(f.message)} (${clean(by)})`));
    }
  }
  if (result.skipped.length) {
    section(out, paint(ANSI.bold, `Skipped (${result.skipped.length}):`));
    for (const s of result.skipped) out.push(`${clean(s.path)}: ${clean(s.reason)}`);
  }
  if (result.errors.length) {
    section(out, paint(ANSI.bold, `Errors (${result.errors.length}):`));
    for (const e of result.errors) out.push(clean(e));
  }
  if (result.notes?.length) {
    section(out, paint(ANSI.bold, `Warnings (${result.notes.length}):`));
    for (const n of result.notes) out.push(clean(n));
  }
  section(out, summary(active, suppressed.length, result, paint));
  return out.join('\n') + '\n';
}

function summary(active: Finding[], suppressed: number, result: Pick<ReviewResult, 'skipped' | 'errors' | 'stats'>, paint: (code: string, text: string) => string): string {
  const bySeverity = ORDER.map((level) => [level, active.filter((f) => f.severity === level).length] as const).filter(([, n]) => n > 0);
  let head = plural(active.length, 'finding');
  if (bySeverity.length) head += ` (${bySeverity.map(([level, n]) => `${n} ${level}`).join(', ')})`;
  head = paint(active.length ? ANSI.red : ANSI.green, head) + ` in ${plural(result.stats.files, 'file')}`;
  const tail = [
    [suppressed, `${suppressed} suppressed`],
    [result.skipped.length, `${result.skipped.length} skipped`],
    [result.stats.outsideDiff, `${result.stats.outsideDiff} outside the diff`],
    [result.stats.belowThreshold, `${result.stats.belowThreshold} below the report threshold`],
    [result.errors.length, plural(result.errors.length, 'error')],
  ] as const;
  return [head, ...tail.filter(([n]) => n > 0).map(([, text]) => text)].join(', ');
}

function section(out: string[], heading: string): void {
  if (out.length) out.push('');
  out.push(heading);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Shows control characters escaped: paths and code quoted in messages come from the reviewed
 * change, and a raw ESC there could rewrite the reader's terminal (hide a finding, fake a clean summary).
 */
function clean(text: string): string {
  return plainText(text);
}
