import type { Logger } from 'probot';
import type { DiffsecConfig } from '../config/config.js';
import { fileSelection } from '../config/file-selection.js';
import { ConfigError, parseConfig } from '../config/parse-config.js';
import type { Finding, SkippedFile } from '../findings/finding.js';
import { annotationCandidates, checkRunTitle, renderCheckRunSummary, renderFailureSummary } from '../report/check-run-output.js';
import { reaches, runReview, type ReviewOptions } from '../review.js';
import type { Rule } from '../rules/rule.js';
import { headShaOf, UnexpectedAnswer } from './api-answer.js';
import type { BotIdentity } from './bot-identity.js';
import { CHECK_NAME, completeCheckRun, completion, startCheckRun, type Conclusion } from './check-run.js';
import type { GitHubClient } from './github-client.js';
import { describe, GitHubSource, type PullRequestRef } from './github-source.js';
import type { DiffsecMetrics, ReviewOutcome } from '../metrics/metrics.js';
import type { OpenCheckRuns } from './open-check-runs.js';
import { publishReview } from './publish-review.js';
import { resolveFixedThreads } from './resolve-fixed-threads.js';
import { interruptedSummary, ReviewStopped, timedOut } from './review-stopped.js';
import { withRetries, type Sleep } from './with-retries.js';

export interface ReviewDeps {
  rules: Rule[];
  log: Logger;
  sleep?: Sleep;
  /** `https://github.com` or the GHE web root, for links in the summary. */
  webUrl: string;
  /** diffsec's own account: only its comments' fingerprint markers count as "already commented on". */
  botIdentity: () => Promise<BotIdentity>;
  /** Check runs in progress, for a shutdown to complete. */
  openCheckRuns?: OpenCheckRuns;
  /** Scanning processes shared by all reviews; files are scanned in this thread without it. */
  pool?: ReviewOptions['pool'];
  /** Reviews by outcome and duration, files skipped. */
  metrics?: DiffsecMetrics;
  /** The most a review may take, retries and waits included; past it the check completes saying so. */
  timeoutMs?: number;
}

/** Files named in the note on an incomplete review; the rest are in the skipped-files table. */
const INCOMPLETE_NAMED = 10;

/**
 * Reviews one pull request head: reads `.github/diffsec.yml` (`loadConfig`, retried), skips
 * drafts unless asked, opens the `diffsec` check run, runs the pipeline, posts one review, and
 * completes the check run with a conclusion. Whatever fails, the check run is completed with the
 * reason: a required check is never left in progress, and never green when diffsec did not do its
 * job (a file it could not analyse fails the check unless `on_incomplete: neutral`).
 */
export async function reviewPullRequest(github: GitHubClient, pr: PullRequestRef & { draft: boolean }, loadConfig: () => Promise<unknown>, deps: ReviewDeps): Promise<void> {
  const started = performance.now();
  const finished = deps.metrics?.reviewStarted();
  let outcome: ReviewOutcome = 'error';
  // The bound covers the whole review: a hanging call or a long retry wait ends it, and the
  // check run is completed saying so (check-run writes are never aborted).
  const deadline = deps.timeoutMs ? setTimeout(() => github.abort?.(timedOut(deps.timeoutMs!)), deps.timeoutMs) : undefined;
  try {
    await reviewWithin(github, pr, loadConfig, deps, started, (o) => (outcome = o));
  } finally {
    clearTimeout(deadline);
    finished?.(outcome);
  }
}

async function reviewWithin(github: GitHubClient, pr: PullRequestRef & { draft: boolean }, loadConfig: () => Promise<unknown>, deps: ReviewDeps, started: number, setOutcome: (o: ReviewOutcome) => void): Promise<void> {
  let config: DiffsecConfig | null = null;
  let configProblem: { title: string; reason: string } | null = null;
  try {
    config = parseConfig(await untilStopped(github.signal, withRetries(loadConfig, deps.sleep)));
  } catch (error) {
    configProblem = error instanceof ReviewStopped ? { title: stoppedTitle(error), reason: error.message } : configProblemOf(error);
  }
  if (config && pr.draft && !config.reviewDrafts) {
    setOutcome('draft-skipped');
    deps.log.info({ repo: `${pr.owner}/${pr.repo}`, pr: pr.number }, 'diffsec: draft pull request not reviewed (review_drafts: false)');
    return;
  }

  const logFields: Record<string, unknown> = { repo: `${pr.owner}/${pr.repo}`, pr: pr.number, head: pr.headSha };
  let checkRunId: number;
  try {
    checkRunId = await startCheckRun(github, pr, deps.sleep);
  } catch (error) {
    if (!(error instanceof UnexpectedAnswer)) throw error;
    // The run may exist but cannot be addressed: post a completed one in its place, so the newest says why.
    logFields.error = error.message;
    await completedFailure(github, pr, error.message, deps.sleep).catch((e: unknown) => void (logFields.completeError = describe(e)));
    deps.log.error(logFields, 'diffsec: could not open the check run');
    return;
  }
  deps.openCheckRuns?.add(checkRunId, github, pr);
  let conclusion: Conclusion = 'failure';
  let output = { title: 'diffsec could not finish', summary: '', annotations: [] as Finding[] };
  try {
    await untilStopped(github.signal, (async () => {
      if (github.signal?.aborted) throw github.signal.reason;
      if (!config) throw new Error(configProblem?.reason ?? 'no configuration');
      const source = new GitHubSource(github, pr, deps.sleep, fileSelection(config));
      const result = await runReview(source, { config, rules: deps.rules, ...(deps.pool ? { pool: deps.pool } : {}) });
      const current = await withRetries(() => github.octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number }), deps.sleep);
      const currentHead = headShaOf(current.data);
      const superseded = currentHead !== pr.headSha;
      const notes = [...source.notes, ...result.notes];
      let bot: BotIdentity | null = null;
      if (!superseded) {
        try {
          bot = await deps.botIdentity();
        } catch (error) {
          // Without knowing its own comments, diffsec honours no markers: it may repeat a comment, never lose one.
          notes.push(`diffsec could not look up its own account (${describe(error)}): findings it commented on before may be commented on again, and threads of fixed findings stay open.`);
        }
      }
      const outcome = superseded
        ? { posted: [], notInline: result.findings.filter((f) => !f.suppressed).map((finding) => ({ finding, why: `superseded by ${currentHead.slice(0, 7)}: no review posted for this commit` })), reviewId: null, ownMarkers: null }
        : await publishReview(github, pr, result.findings, source.diffs, new Map(deps.rules.map((r) => [r.id, r])), config, bot, deps.sleep);
      // Never fatal: a thread left open is said in the summary.
      const cleanup = bot ? await resolveFixedThreads(github, pr, { fingerprints: result.fingerprints, ruleIds: new Set(result.rules.map((r) => r.id)) }, bot, outcome.ownMarkers, deps.sleep) : { resolved: 0, notes: [] };
      notes.push(...cleanup.notes);
      const active = result.findings.filter((f) => !f.suppressed);
      const failing = active.filter((f) => reaches(f, config!.failOn)).length;
      const incomplete = result.skipped.filter((s) => s.incomplete);
      if (superseded) notes.unshift(supersededNote(pr.headSha, currentHead));
      else if (incomplete.length) notes.unshift(incompleteNote(incomplete, config.onIncomplete));
      conclusion = superseded ? 'neutral' : failing > 0 ? 'failure' : incomplete.length ? config.onIncomplete : 'success';
      output = {
        title: superseded ? `Superseded by ${currentHead.slice(0, 7)}` : incompleteTitle(incomplete.length, result.findings),
        summary: renderCheckRunSummary({ ...result, failing, notInline: outcome.notInline, notes, blobUrl: `${deps.webUrl}/${pr.owner}/${pr.repo}/blob/${pr.headSha}` }),
        // Annotations only for findings with no inline comment: each shows in one place.
        annotations: annotationCandidates(outcome.notInline),
      };
      for (const s of result.skipped) deps.metrics?.fileSkipped(s.reason);
      setOutcome(superseded ? 'superseded' : conclusion);
      Object.assign(logFields, { files: result.stats.files, skipped: result.skipped.length, incomplete: incomplete.length, findings: active.length, inline: outcome.posted.length, resolved: cleanup.resolved, conclusion });
    })());
  } catch (error) {
    if (error instanceof ReviewStopped && error.kind === 'interrupted') {
      // A shutdown completes this check too (OpenCheckRuns.interruptAll): both say the same.
      conclusion = 'neutral';
      output = { title: 'Review interrupted', summary: interruptedSummary(error.signal ?? 'shutdown', pr.headSha), annotations: [] };
      setOutcome('interrupted');
      Object.assign(logFields, { conclusion, interrupted: true });
    } else if (error instanceof ReviewStopped && error.kind === 'superseded') {
      // Stopped by a newer push: nothing was posted for this head, and the newer head's check has the verdict.
      conclusion = 'neutral';
      output = { title: stoppedTitle(error), summary: supersededNote(pr.headSha, error.bySha!), annotations: [] };
      setOutcome('superseded');
      Object.assign(logFields, { conclusion, supersededBy: error.bySha });
    } else {
      const reason = error instanceof Error && !('status' in error) ? error.message : describe(error);
      conclusion = 'failure';
      output.summary = renderFailureSummary(reason);
      output.title = error instanceof ReviewStopped ? stoppedTitle(error) : (configProblem?.title ?? (error instanceof UnexpectedAnswer ? 'Unexpected answer from GitHub' : 'diffsec could not finish'));
      setOutcome(error instanceof ReviewStopped ? 'timed-out' : 'error');
      logFields.error = reason;
    }
  } finally {
    deps.openCheckRuns?.remove(checkRunId);
    try {
      await completeCheckRun(github, pr, checkRunId, conclusion, output, deps.sleep);
    } catch (error) {
      // The last resort: a bare completion so the required check does not stay pending for 14 days.
      logFields.completeError = describe(error);
      await github.octokit.rest.checks
        .update({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId, ...completion('failure', 'diffsec could not finish', renderFailureSummary(`reporting failed: ${describe(error)}`)) })
        .catch(() => undefined);
    }
    logFields.apiCalls = github.calls();
    logFields.durationMs = Math.round(performance.now() - started);
    deps.log.info(logFields, 'diffsec: reviewed pull request');
  }
}

/** Settles as `work` does, or rejects with the abort reason as soon as `signal` is aborted. */
function untilStopped<T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function stoppedTitle(error: ReviewStopped): string {
  return error.kind === 'superseded' ? `Superseded by ${error.bySha!.slice(0, 7)}` : 'Review timed out';
}

function supersededNote(reviewed: string, by: string): string {
  return `Superseded by ${by}: a newer commit was pushed to this pull request while ${reviewed.slice(0, 7)} was being reviewed, so diffsec posted no review for it. The newer commit's diffsec check has the result.`;
}

/**
 * A config that could not be read (GitHub answered with an HTTP error after retries) is not an
 * invalid one: the title says which, so nobody edits a correct file to fix an outage.
 */
function configProblemOf(error: unknown): { title: string; reason: string } {
  if (error instanceof ConfigError) return { title: 'Invalid diffsec configuration', reason: error.message };
  if (typeof (error as { status?: unknown })?.status === 'number') return { title: 'Could not read the diffsec configuration', reason: `could not read .github/diffsec.yml: ${describe(error)}` };
  // Probot's config reader throws plain errors for YAML that does not parse, or a directory in its place.
  return { title: 'Invalid diffsec configuration', reason: `.github/diffsec.yml is not a valid configuration: ${describe(error)}` };
}

function incompleteTitle(count: number, findings: Finding[]): string {
  if (count === 0) return checkRunTitle(findings);
  const head = `Review incomplete: ${count} file${count === 1 ? '' : 's'} not analysed`;
  return findings.some((f) => !f.suppressed) ? `${head}; ${checkRunTitle(findings)}` : head;
}

function incompleteNote(files: SkippedFile[], onIncomplete: Conclusion): string {
  const named = files.slice(0, INCOMPLETE_NAMED).map((s) => `${s.path} (${s.reason})`).join('; ');
  const more = files.length > INCOMPLETE_NAMED ? `; and ${files.length - INCOMPLETE_NAMED} more, listed under Skipped files` : '';
  const effect = onIncomplete === 'neutral' ? 'on_incomplete: neutral, so this alone does not fail the check' : 'the check fails (on_incomplete: failure)';
  return `This review is incomplete: diffsec could not analyse ${files.length === 1 ? 'a file' : `${files.length} files`}, so ${effect}: ${named}${more}.`;
}

/** A check run created completed with `failure`, for when the in-progress one cannot be addressed. */
async function completedFailure(github: GitHubClient, pr: PullRequestRef, reason: string, sleep?: Sleep): Promise<void> {
  await withRetries(
    () =>
      github.octokit.rest.checks.create({
        owner: pr.owner,
        repo: pr.repo,
        name: CHECK_NAME,
        head_sha: pr.headSha,
        external_id: String(pr.number),
        ...completion('failure', 'diffsec could not finish', renderFailureSummary(reason)),
      }),
    sleep,
  );
}
