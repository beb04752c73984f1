import { completion } from './check-run.js';
import type { GitHubClient } from './github-client.js';
import type { PullRequestRef } from './github-source.js';
import { interrupted, interruptedSummary, superseded } from './review-stopped.js';

interface OpenCheckRun {
  github: GitHubClient;
  pr: PullRequestRef;
}

/** Pushes remembered at most, for reviews that open their check run after the push that replaced their head. */
const SUPERSEDED_CAPACITY = 10_000;

/**
 * The check runs this process has started and not yet completed: a shutdown completes them (a
 * required check left `in_progress` blocks merging for 14 days), a newer push stops the review
 * of the head it replaced, and the stale-check sweep leaves them alone.
 */
export class OpenCheckRuns {
  private readonly open = new Map<number, OpenCheckRun>();
  /** `owner/repo#number@old-sha` → the sha that replaced it. */
  private readonly replaced = new Map<string, string>();

  /** Records a check run in progress; aborts its review at once if a push already replaced its head. */
  add(checkRunId: number, github: GitHubClient, pr: PullRequestRef): void {
    this.open.set(checkRunId, { github, pr });
    const by = this.replaced.get(headKey(pr, pr.headSha));
    if (by) github.abort?.(superseded(by));
  }

  remove(checkRunId: number): void {
    this.open.delete(checkRunId);
  }

  has(checkRunId: number): boolean {
    return this.open.has(checkRunId);
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * A push moved pull request `pr` from `before` to `after` (a synchronize event): the review of
   * `before` running here stops, posts no review, and completes its check as superseded; one
   * that opens its check later stops as it does. Returns how many running reviews were stopped.
   */
  supersede(pr: Omit<PullRequestRef, 'headSha'>, before: string, after: string): number {
    if (!before || before === after) return 0;
    const key = headKey(pr, before);
    this.replaced.delete(key);
    this.replaced.set(key, after);
    if (this.replaced.size > SUPERSEDED_CAPACITY) this.replaced.delete(this.replaced.keys().next().value!);
    let stopped = 0;
    for (const run of this.open.values()) {
      if (headKey(run.pr, run.pr.headSha) === key) {
        run.github.abort?.(superseded(after));
        stopped++;
      }
    }
    return stopped;
  }

  /**
   * Completes every open check run as `neutral`, saying the review was interrupted and how to run
   * it again; one attempt each, in parallel (a shutdown has seconds, not minutes).
   */
  async interruptAll(reason: string): Promise<number> {
    const runs = [...this.open.entries()];
    this.open.clear();
    // Stop the reviews first: a write of theirs hanging in the installation's lane would hold these back.
    for (const [, { github }] of runs) github.abort?.(interrupted(reason));
    await Promise.all(
      runs.map(([id, { github, pr }]) =>
        github.octokit.rest.checks
          .update({
            owner: pr.owner,
            repo: pr.repo,
            check_run_id: id,
            ...completion('neutral', 'Review interrupted', interruptedSummary(reason, pr.headSha)),
          })
          .catch(() => undefined),
      ),
    );
    return runs.length;
  }
}

function headKey(pr: Omit<PullRequestRef, 'headSha'>, sha: string): string {
  return `${pr.owner}/${pr.repo}#${pr.number}@${sha}`;
}
