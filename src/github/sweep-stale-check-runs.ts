import type { Logger, ProbotOctokit } from 'probot';
import type { DiffsecMetrics } from '../metrics/metrics.js';
import { CHECK_NAME, completion } from './check-run.js';
import { describe } from './github-source.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface SweepOptions {
  /** An Octokit authenticated as the app (lists installations). */
  appOctokit: () => Promise<Octokit>;
  /** An Octokit for one installation. */
  installationOctokit: (installationId: number) => Promise<Octokit>;
  /** This app's id: only its own check runs are touched. */
  appId: number;
  /** A check run in progress for longer than this was left by a process that is gone. */
  staleAfterMs: number;
  /** Only pull requests updated this recently are looked at (a crash's check is on a recent push). */
  lookbackMs: number;
  /** Check runs this process is running now: never touched. */
  isRunningHere: (checkRunId: number) => boolean;
  log: Logger;
  metrics?: DiffsecMetrics;
  /** Pull requests examined per sweep at most, so a sweep of a huge installation stays bounded. */
  maxPullRequests?: number;
  now?: () => number;
}

export interface SweepResult {
  installations: number;
  pullRequests: number;
  completed: number;
  errors: number;
}

const PER_PAGE = 100;

/**
 * Finds this app's `diffsec` check runs left `in_progress` longer than `staleAfterMs` (by a process
 * killed with -9, a crash, a lost node) on the heads of open pull requests updated within
 * `lookbackMs`, in every installation, and completes each as `neutral` saying how to re-run it.
 * It does not re-run them: a review that crashed the process would crash it again at every start.
 * One attempt per call; what fails is logged and left for the next sweep.
 */
export async function sweepStaleCheckRuns(options: SweepOptions): Promise<SweepResult> {
  const now = options.now ?? Date.now;
  const maxPulls = options.maxPullRequests ?? 1000;
  const result: SweepResult = { installations: 0, pullRequests: 0, completed: 0, errors: 0 };
  const app = await options.appOctokit();
  for (let page = 1; result.pullRequests < maxPulls; page++) {
    const { data: installations } = await app.rest.apps.listInstallations({ per_page: PER_PAGE, page });
    for (const installation of installations) {
      result.installations++;
      try {
        await sweepInstallation(await options.installationOctokit(installation.id), options, result, now, maxPulls);
      } catch (error) {
        result.errors++;
        options.log.warn({ installation: installation.id, error: describe(error) }, 'diffsec: stale-check sweep skipped an installation');
      }
      if (result.pullRequests >= maxPulls) break;
    }
    if (installations.length < PER_PAGE) break;
  }
  return result;
}

async function sweepInstallation(octokit: Octokit, options: SweepOptions, result: SweepResult, now: () => number, maxPulls: number): Promise<void> {
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: PER_PAGE, page });
    for (const repository of data.repositories) {
      const owner = repository.owner.login;
      const repo = repository.name;
      // Most recently updated first: stop at the first pull request older than the look-back.
      const { data: pulls } = await octokit.rest.pulls.list({ owner, repo, state: 'open', sort: 'updated', direction: 'desc', per_page: PER_PAGE });
      for (const pull of pulls) {
        if (Date.parse(pull.updated_at) < now() - options.lookbackMs || result.pullRequests >= maxPulls) break;
        result.pullRequests++;
        const { data: runs } = await octokit.rest.checks.listForRef({ owner, repo, ref: pull.head.sha, check_name: CHECK_NAME, status: 'in_progress', filter: 'all', per_page: PER_PAGE });
        for (const run of runs.check_runs) {
          const started = Date.parse(run.started_at ?? '');
          if (run.app?.id !== options.appId || options.isRunningHere(run.id) || !(started < now() - options.staleAfterMs)) continue;
          try {
            await octokit.rest.checks.update({
              owner,
              repo,
              check_run_id: run.id,
              ...completion(
                'neutral',
                'Review interrupted',
                `diffsec stopped (a crash or a forced restart) before it finished reviewing ${run.head_sha.slice(0, 7)}; it was found still in progress ${Math.round((now() - started) / 60_000)} min after it started. Press "Re-run" on this check, or push a new commit, to review it again.`,
                new Date(now()),
              ),
            });
            result.completed++;
            options.metrics?.staleCheckRunCompleted();
            options.log.info({ repo: `${owner}/${repo}`, pr: pull.number, head: run.head_sha, checkRun: run.id }, 'diffsec: stale check run completed as interrupted');
          } catch (error) {
            result.errors++;
            options.log.warn({ repo: `${owner}/${repo}`, pr: pull.number, checkRun: run.id, error: describe(error) }, 'diffsec: could not complete a stale check run');
          }
        }
      }
      if (result.pullRequests >= maxPulls) return;
    }
    if (data.repositories.length < PER_PAGE) return;
  }
}
