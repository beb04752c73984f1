import type { Finding, SkippedFile } from '../findings/finding.js';
import type { ReviewStats } from '../review.js';
import { encodePath, escapeMarkdown, tableCell } from './markdown-escape.js';

/** GitHub rejects check-run summary and text over 65,535 characters. */
export const CHECK_OUTPUT_LIMIT = 65_535;
/** At most this many findings become check-run annotations (4 requests of 50); the rest are counted in the summary. */
export const ANNOTATION_LIMIT = 200;

/** What the check run says about a finding that did not become an inline comment. */
export interface NotInline {
  finding: Finding;
  why: string;
  /** An earlier diffsec review already commented on it: it gets no annotation, so it shows in one place. */
  commentedBefore?: true;
}

/**
 * The findings that become check-run annotations: those with no inline comment, now or from an
 * earlier review (over max_comments, no commentable line, rejected by GitHub, inline comments
 * off). A finding commented on inline is never annotated too.
 */
export function annotationCandidates(notInline: readonly NotInline[]): Finding[] {
  return notInline.filter((n) => !n.commentedBefore && !n.finding.suppressed).map((n) => n.finding);
}

export interface CheckRunInput {
  findings: Finding[];
  skipped: SkippedFile[];
  errors: string[];
  stats: ReviewStats;
  /** Findings that reached the fail_on threshold. */
  failing: number;
  notInline: NotInline[];
  /** Notes for the reader: a capped file list, diffs that were unknown, a newer push. */
  notes: string[];
  /** `https://github.com/o/r/blob/<sha>` for file links. */
  blobUrl: string;
}

/** The check run's title, e.g. `3 security findings (1 high)` or `No security findings in the changed lines`. */
export function checkRunTitle(findings: Finding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  if (active.length === 0) return 'No security findings in the changed lines';
  const high = active.filter((f) => f.severity === 'high').length;
  return `${active.length} security finding${active.length === 1 ? '' : 's'}${high ? ` (${high} high)` : ''}`;
}

/**
 * The check run's summary in markdown: counts, a table of every finding with a link to its line
 * (inline comments and annotations aside, the table lists them all), findings not posted inline and why, suppressed findings, skipped files, errors and notes. Cut
 * under GitHub's limit with "N more" said, never cut mid-row.
 */
export function renderCheckRunSummary(input: CheckRunInput): string {
  const active = input.findings.filter((f) => !f.suppressed);
  const suppressed = input.findings.filter((f) => f.suppressed);
  const head = [
    `diffsec reviewed ${input.stats.files} Python file${input.stats.files === 1 ? '' : 's'} (${input.stats.lines} lines): ` +
      `${active.length} finding${active.length === 1 ? '' : 's'} on the changed lines, ${input.failing} at or above the failure threshold; ` +
      `${suppressed.length} suppressed, ${input.stats.outsideDiff} outside the diff, ${input.stats.belowThreshold} below the report threshold, ${input.skipped.length} file${input.skipped.length === 1 ? '' : 's'} skipped.`,
  ];
  const annotated = annotationCandidates(input.notInline).length;
  if (annotated > ANNOTATION_LIMIT) {
    head.push('', `> Annotations: the ${ANNOTATION_LIMIT} most severe findings without an inline comment are annotated on the diff; … and ${annotated - ANNOTATION_LIMIT} more annotations: see the table.`);
  }
  // Notes quote file names: keep them to a quarter of the limit so the summary is never cut by the caller mid-markup.
  let noteChars = 0;
  for (let i = 0; i < input.notes.length; i++) {
    const note = `> ${escapeMarkdown(input.notes[i]!)}`;
    noteChars += note.length + 2;
    if (noteChars > CHECK_OUTPUT_LIMIT / 4) {
      head.push('', `> … and ${input.notes.length - i} more notes (cut to fit GitHub's ${CHECK_OUTPUT_LIMIT}-character limit)`);
      break;
    }
    head.push('', note);
  }
  // Rows are rendered only while they fit: 40,000 findings cost the rows shown, not 40,000 escapes.
  const sections: { title: string; header: string[]; count: number; row: (i: number) => string }[] = [
    {
      title: '### Findings',
      header: ['| rule | severity | confidence | location | message |', '|---|---|---|---|---|'],
      ...rows(active, (f) => `| ${f.ruleId} | ${f.severity} | ${f.confidence} | ${link(input.blobUrl, f)} | ${tableCell(f.message)} |`),
    },
    {
      title: '### Not posted as inline comments',
      header: ['| rule | location | why |', '|---|---|---|'],
      ...rows(input.notInline, ({ finding, why }) => `| ${finding.ruleId} | ${link(input.blobUrl, finding)} | ${text(why)} |`),
    },
    {
      title: '### Suppressed',
      header: ['| rule | location | comment |', '|---|---|---|'],
      ...rows(suppressed, (f) => `| ${f.ruleId} | ${link(input.blobUrl, f)} | ${text(f.suppressed!.comment)} |`),
    },
    {
      title: '### Skipped files',
      header: ['| file | reason |', '|---|---|'],
      ...rows(input.skipped, (s) => `| ${text(s.path)} | ${text(s.reason)} |`),
    },
    { title: '### Errors', header: [], ...rows(input.errors, (e) => `- ${escapeMarkdown(e)}`) },
  ];
  let out = head.join('\n');
  const budget = CHECK_OUTPUT_LIMIT - 200;
  for (const section of sections) {
    if (section.count === 0) continue;
    out += `\n\n${section.title}\n\n${section.header.join('\n')}${section.header.length ? '\n' : ''}`;
    for (let i = 0; i < section.count; i++) {
      const row = section.row(i);
      if (out.length + row.length + 1 > budget) {
        out += `\n… and ${section.count - i} more (cut to fit GitHub's ${CHECK_OUTPUT_LIMIT}-character limit)`;
        return out;
      }
      out += `${row}\n`;
    }
  }
  return out;
}

function rows<T>(items: readonly T[], render: (item: T) => string): { count: number; row: (i: number) => string } {
  return { count: items.length, row: (i) => render(items[i]!) };
}

/** The summary of a review that could not finish; `reason` (an error or config problem, which may quote the repository's config) is escaped. */
export function renderFailureSummary(reason: string): string {
  return `diffsec could not complete this review: ${escapeMarkdown(reason)}\n\nNothing was lost silently: fix the cause and re-run the check.`;
}

/** The findings that become annotations: the most severe first, at most {@link ANNOTATION_LIMIT}. */
export function annotatedFindings(findings: readonly Finding[]): Finding[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return findings
    .filter((f) => !f.suppressed)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || rank[a.f.confidence] - rank[b.f.confidence] || a.i - b.i)
    .slice(0, ANNOTATION_LIMIT)
    .map(({ f }) => f);
}

/** A link to the finding's line: the name escaped as text, the path percent-encoded so it cannot end the destination. */
function link(blobUrl: string, f: Finding): string {
  return `[${text(f.path)}:${f.line}](${blobUrl}/${encodePath(f.path)}#L${f.line})`;
}

/** Untrusted text for a table cell. */
function text(untrusted: string): string {
  return tableCell(escapeMarkdown(untrusted));
}
