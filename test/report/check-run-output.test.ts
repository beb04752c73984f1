import { ANNOTATION_LIMIT, CHECK_OUTPUT_LIMIT, annotatedFindings, annotationCandidates, renderCheckRunSummary, renderFailureSummary, type CheckRunInput } from '../../src/report/check-run-output.js';
import { makeFinding, makeStats } from '../helpers/make-finding.js';

function input(overrides: Partial<CheckRunInput> = {}): CheckRunInput {
  return { findings: [], skipped: [], errors: [], stats: makeStats(), failing: 0, notInline: [], notes: [], blobUrl: 'https://github.com/o/r/blob/abc', ...overrides };
}

describe('renderCheckRunSummary', () => {
  it('links each finding with its name escaped and its path percent-encoded', () => {
    const summary = renderCheckRunSummary(input({ findings: [makeFinding({ path: 'a b/x)](https://evil)[y.py' })] }));
    expect(summary).toContain('| [a b/x)\\](https\u200b://evil)\\[y.py:3](https://github.com/o/r/blob/abc/a%20b/x%29%5D%28https%3A//evil%29%5By.py#L3) |');
  });

  it('shows names, reasons, notes and errors as text on one line', () => {
    const summary = renderCheckRunSummary(
      input({ skipped: [{ path: 'x\n# h.py', reason: '<details>' }], notes: ['@team see #1'], errors: ['- <img src=x>'] }),
    );
    expect(summary).toContain('| x\\\\n# h.py | &lt;details&gt; |');
    expect(summary).toContain('> @\u200bteam see #\u200b1');
    expect(summary).toContain('- \\- &lt;img src=x&gt;');
  });

  it(`counts the findings without an inline comment past the ${ANNOTATION_LIMIT} that are annotated, and says nothing when all are`, () => {
    const many = Array.from({ length: ANNOTATION_LIMIT + 7 }, (_, i) => makeFinding({ line: i + 1 }));
    const notInline = (findings: typeof many) => findings.map((finding) => ({ finding, why: 'over the limit' }));
    expect(renderCheckRunSummary(input({ findings: many, notInline: notInline(many) }))).toContain('… and 7 more annotations: see the table.');
    expect(renderCheckRunSummary(input({ findings: many, notInline: notInline(many.slice(0, ANNOTATION_LIMIT)) }))).not.toContain('more annotations');
    // Commented on inline by an earlier review: listed in the table, never annotated.
    const earlier = notInline(many).map((n) => ({ ...n, commentedBefore: true as const }));
    expect(renderCheckRunSummary(input({ findings: many, notInline: earlier }))).not.toContain('more annotations');
  });

  it('stays under GitHub\'s limit, every row whole, with a thousand long hostile names of each kind', () => {
    const name = (i: number): string => `${i}\`<img>&|\n`.repeat(40);
    const summary = renderCheckRunSummary(
      input({
        findings: Array.from({ length: 1000 }, (_, i) => makeFinding({ path: name(i) })),
        skipped: Array.from({ length: 1000 }, (_, i) => ({ path: name(i), reason: name(i) })),
        notes: Array.from({ length: 1000 }, (_, i) => `GitHub gave no diff for ${name(i)}`),
      }),
    );
    expect(summary.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    expect(summary).toMatch(/> … and \d+ more notes/);
    expect(summary).toMatch(/… and \d+ more \(cut to fit/);
    for (const line of summary.split('\n').filter((l) => l.startsWith('| DS901'))) expect(line).toMatch(/:3\]\(https:[^ ]*#L3\) \| `os.system` runs `cmd` through a shell. \|$/);
  });
});

describe('annotatedFindings', () => {
  it('keeps the most severe active findings, in their order within a level, at most the limit', () => {
    const low = Array.from({ length: ANNOTATION_LIMIT }, (_, i) => makeFinding({ severity: 'low', line: i + 1 }));
    const high = makeFinding({ severity: 'high', line: 999 });
    const silenced = makeFinding({ severity: 'high', line: 1000, suppressed: { comment: '# nosec' } });
    const chosen = annotatedFindings([...low, silenced, high]);
    expect(chosen).toHaveLength(ANNOTATION_LIMIT);
    expect(chosen[0]).toBe(high);
    expect(chosen.slice(1).map((f) => f.line)).toEqual(low.slice(0, ANNOTATION_LIMIT - 1).map((f) => f.line));
  });
});

describe('annotationCandidates', () => {
  it('keeps the findings with no inline comment, now or earlier, and no suppression', () => {
    const over = makeFinding({ line: 1 });
    const earlier = makeFinding({ line: 2 });
    const silenced = makeFinding({ line: 3, suppressed: { comment: '# nosec' } });
    expect(annotationCandidates([{ finding: over, why: 'over max_comments' }, { finding: earlier, why: 'already', commentedBefore: true }, { finding: silenced, why: 'x' }])).toEqual([over]);
  });
});

describe('renderFailureSummary', () => {
  it('escapes the reason, which may quote the repository config', () => {
    expect(renderFailureSummary("'<b>' is not a known key")).toBe(
      "diffsec could not complete this review: '&lt;b&gt;' is not a known key\n\nNothing was lost silently: fix the cause and re-run the check.",
    );
  });
});
