import type { Logger } from 'probot';
import type { DiffsecConfig } from '../config/config.js';
import { ConfigError, parseConfig } from '../config/parse-config.js';
import { checkRunTitle, renderCheckRunSummary, renderFailureSummary } from '../report/check-run-output.js';
import { reaches, runReview } from '../review.js';
import type { Rule } from '../rules/rule.js';
import { completeCheckRun, startCheckRun, type Conclusion } from './check-run.js';
import type { GitHubClient } from './github-client.js';
import { describe, GitHubSource, type PullRequestRef } from './github-source.js';
import { publishReview } from './publish-review.js';
import { withRetries, type Sleep } from './with-retries.js';

export interface ReviewDeps {
  rules: Rule[];
  log: Logger;
  sleep?: Sleep;
  /** `https://github.com` or the GHE web root, for links in the summary. */
  webUrl: string;
}

/**
 * Reviews one pull request head: reads `.github/diffsec.yml` (`loadConfig`), skips drafts unless
 * asked, opens the `diffsec` check run, runs the pipeline, posts one review, and completes the
 * check run with a conclusion. Whatever fails, the check run is completed with the reason: a
 * required check is never left in progress.
 */
export async function reviewPullRequest(github: GitHubClient, pr: PullRequestRef & { draft: boolean }, loadConfig: () => Promise<unknown>, deps: ReviewDeps): Promise<void> {
  const started = performance.now();
  let config: DiffsecConfig | null = null;
  let configProblem: string | null = null;
  try {
    config = parseConfig(await loadConfig());
  } catch (error) {
    configProblem = error instanceof ConfigError ? error.message : `could not read .github/diffsec.yml: ${describe(error)}`;
  }
  if (config && pr.draft && !config.reviewDrafts) {
    deps.log.info({ repo: `${pr.owner}/${pr.repo}`, pr: pr.number }, 'diffsec: draft pull request not reviewed (review_drafts: false)');
    return;
  }

  const checkRunId = await startCheckRun(github, pr, deps.sleep);
  let conclusion: Conclusion = 'failure';
  let output = { title: 'diffsec could not finish', summary: '', annotations: [] as import('../findings/finding.js').Finding[] };
  const logFields: Record<string, unknown> = { repo: `${pr.owner}/${pr.repo}`, pr: pr.number, head: pr.headSha };
  try {
    if (!config) throw new Error(configProblem ?? 'no configuration');
    const source = new GitHubSource(github, pr, deps.sleep);
    const result = await runReview(source, { config, rules: deps.rules });
    const current = await withRetries(() => github.octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number }), deps.sleep);
    const superseded = current.data.head.sha !== pr.headSha;
    const outcome = superseded
      ? { posted: [], notInline: [], reviewId: null }
      : await publishReview(github, pr, result.findings, source.diffs, new Map(deps.rules.map((r) => [r.id, r])), config, deps.sleep);
    const active = result.findings.filter((f) => !f.suppressed);
    const failing = active.filter((f) => reaches(f, config!.failOn)).length;
    const notes = [...source.notes];
    if (superseded) notes.unshift(`A newer commit (${current.data.head.sha.slice(0, 7)}) was pushed while this one was reviewed: no review was posted for ${pr.headSha.slice(0, 7)}.`);
    conclusion = superseded ? 'neutral' : failing > 0 ? 'failure' : 'success';
    output = {
      title: superseded ? 'Superseded by a newer push' : checkRunTitle(result.findings),
      summary: renderCheckRunSummary({ ...result, failing, notInline: outcome.notInline, notes, blobUrl: `${deps.webUrl}/${pr.owner}/${pr.repo}/blob/${pr.headSha}` }),
      annotations: active,
    };
    Object.assign(logFields, { files: result.stats.files, skipped: result.skipped.length, findings: active.length, inline: outcome.posted.length, conclusion });
  } catch (error) {
    const reason = error instanceof Error && !('status' in error) ? error.message : describe(error);
    output.summary = renderFailureSummary(reason);
    output.title = configProblem ? 'Invalid diffsec configuration' : 'diffsec could not finish';
    logFields.error = reason;
  } finally {
    try {
      await completeCheckRun(github, pr, checkRunId, conclusion, output, deps.sleep);
    } catch (error) {
      // The last resort: a bare completion so the required check does not stay pending for 14 days.
      logFields.completeError = describe(error);
      await github.octokit.rest.checks
        .update({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId, status: 'completed', conclusion: 'failure', output: { title: 'diffsec could not finish', summary: `Reporting failed: ${describe(error)}` } })
        .catch(() => undefined);
    }
    logFields.apiCalls = github.calls();
    logFields.durationMs = Math.round(performance.now() - started);
    deps.log.info(logFields, 'diffsec: reviewed pull request');
  }
}
