import type { GitHubClient } from './github-client.js';
import type { PullRequestRef } from './github-source.js';

interface OpenCheckRun {
  github: GitHubClient;
  pr: PullRequestRef;
}

/**
 * The check runs this process has started and not yet completed, so that a shutdown can complete
 * them: a required check left `in_progress` blocks merging for 14 days.
 */
export class OpenCheckRuns {
  private readonly open = new Map<number, OpenCheckRun>();

  add(checkRunId: number, github: GitHubClient, pr: PullRequestRef): void {
    this.open.set(checkRunId, { github, pr });
  }

  remove(checkRunId: number): void {
    this.open.delete(checkRunId);
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * Completes every open check run as `neutral`, saying the review was interrupted and how to run
   * it again; one attempt each, in parallel (a shutdown has seconds, not minutes).
   */
  async interruptAll(reason: string): Promise<number> {
    const runs = [...this.open.entries()];
    this.open.clear();
    await Promise.all(
      runs.map(([id, { github, pr }]) =>
        github.octokit.rest.checks
          .update({
            owner: pr.owner,
            repo: pr.repo,
            check_run_id: id,
            status: 'completed',
            conclusion: 'neutral',
            completed_at: new Date().toISOString(),
            output: {
              title: 'Review interrupted',
              summary: `diffsec was stopped (${reason}) before it finished reviewing ${pr.headSha.slice(0, 7)}. Press "Re-run" on this check, or push a new commit, to review it again.`,
            },
          })
          .catch(() => undefined),
      ),
    );
    return runs.length;
  }
}
