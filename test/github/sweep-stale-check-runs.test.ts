import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { sweepStaleCheckRuns } from '../../src/github/sweep-stale-check-runs.js';
import { DiffsecMetrics } from '../../src/metrics/metrics.js';
import { AppHarness, OWNER, REPO } from './harness.js';

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('sweepStaleCheckRuns', () => {
  it("completes only this app's diffsec checks in progress past the bound, on open pull requests updated within the look-back", async () => {
    const H1 = '1'.repeat(40);
    const H2 = '2'.repeat(40);
    const H3 = '3'.repeat(40);
    const github = new GitHubApiDouble(OWNER, REPO)
      .addPullRequest({ number: 1, headSha: H1, files: [] })
      .addPullRequest({ number: 2, headSha: H2, files: [], state: 'closed' })
      .addPullRequest({ number: 3, headSha: H3, files: [], updatedAt: ago(100 * 3_600_000) });
    const stale = github.addCheckRun({ head_sha: H1, status: 'in_progress', started_at: ago(30 * MINUTE) });
    const fresh = github.addCheckRun({ head_sha: H1, status: 'in_progress', started_at: ago(1 * MINUTE) });
    const runningHere = github.addCheckRun({ head_sha: H1, status: 'in_progress', started_at: ago(30 * MINUTE) });
    const otherApp = github.addCheckRun({ head_sha: H1, status: 'in_progress', started_at: ago(30 * MINUTE), appId: 7 });
    const otherName = github.addCheckRun({ head_sha: H1, status: 'in_progress', started_at: ago(30 * MINUTE), name: 'lint' });
    const done = github.addCheckRun({ head_sha: H1, status: 'completed', started_at: ago(30 * MINUTE) });
    const closedPr = github.addCheckRun({ head_sha: H2, status: 'in_progress', started_at: ago(30 * MINUTE) });
    const oldPr = github.addCheckRun({ head_sha: H3, status: 'in_progress', started_at: ago(30 * MINUTE) });
    const harness = await new AppHarness(github).start();
    const metrics = new DiffsecMetrics();
    try {
      const result = await sweepStaleCheckRuns({
        appOctokit: () => harness.probot.auth(),
        installationOctokit: (id) => harness.probot.auth(id),
        appId: github.appId,
        staleAfterMs: 7 * MINUTE,
        lookbackMs: 72 * 3_600_000,
        isRunningHere: (id) => id === runningHere,
        log: harness.probot.log,
        metrics,
      });
      expect(result).toEqual({ installations: 1, pullRequests: 1, completed: 1, errors: 0 });
      const status = (id: number) => [github.checkRuns.get(id)!.status, github.checkRuns.get(id)!.conclusion];
      expect(status(stale)).toEqual(['completed', 'neutral']);
      expect((github.checkRuns.get(stale)!.output as { title: string; summary: string }).summary).toMatch(/before it finished reviewing 1111111; it was found still in progress 30 min after it started\. Press "Re-run"/);
      for (const id of [fresh, runningHere, otherApp, otherName, closedPr, oldPr]) expect(status(id)).toEqual(['in_progress', undefined]);
      expect(done).toBeGreaterThan(0);
      expect(github.checkRunUpdates.map((u) => u.id)).toEqual([stale]);
      expect((await metrics.render()).body).toMatch(/diffsec_stale_check_runs_completed_total 1\n/);
    } finally {
      await harness.stop();
    }
  });
});
