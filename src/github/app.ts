import type { ApplicationFunction, Context, Logger, ProbotOctokit } from 'probot';
import type { DiffsecMetrics } from '../metrics/metrics.js';
import { bundledRulesDir } from '../package-root.js';
import { loadRules } from '../rules/load-rules.js';
import type { ReviewOptions } from '../review.js';
import type { Rule } from '../rules/rule.js';
import { appSlugOf, headShaOf, UnexpectedAnswer } from './api-answer.js';
import { botLoginOf, identityOnce } from './bot-identity.js';
import { countingClient } from './github-client.js';
import { loadRepoConfig } from './load-repo-config.js';
import { octokitLog } from './octokit-log.js';
import type { OpenCheckRuns } from './open-check-runs.js';
import { reviewPullRequest } from './review-pull-request.js';
import { withRetries, type Sleep } from './with-retries.js';
import { WritePacer } from './write-pacer.js';

export interface AppOptions {
  /** Rules to run; the bundled ones by default. */
  rules?: Rule[];
  /** Waits between retries; tests make it instant. */
  sleep?: Sleep;
  /**
   * The login diffsec's comments are posted as, when it is not the app's own bot (e.g.
   * `github-actions[bot]` for a workflow token); else `DIFFSEC_BOT_LOGIN`, else looked up once
   * (`GET /app` with the app's JWT gives the slug: `<slug>[bot]`).
   */
  botLogin?: string;
  /** Where the check runs in progress are kept, so that a shutdown can complete them. */
  openCheckRuns?: OpenCheckRuns;
  /**
   * A long-lived pool of scanning processes built from `rules`: every file of every review is
   * scanned there, so a hostile file never blocks the webhook server (without one, files are
   * scanned in this thread).
   */
  pool?: ReviewOptions['pool'];
  /** Prometheus metrics: reviews, durations, API calls, skipped files. */
  metrics?: DiffsecMetrics;
  /** Paces content-creating requests per installation (a new pacer by default). */
  pacer?: WritePacer;
  /** The most one review may take; DIFFSEC_REVIEW_TIMEOUT_SECONDS, else 300 s. */
  reviewTimeoutMs?: number;
  /** Receives the function that reviews one head, for a queue worker or the stale-check sweep to call. */
  onReviewer?: (review: HeadReviewer) => void;
}

/** One pull request head to review, as a webhook names it or a queue job carries it. */
export interface HeadRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  draft: boolean;
  installationId: number;
}

/**
 * Reviews one pull request head with its installation's Octokit, logging through `log` (give it
 * the delivery id): the one entry both the webhook handlers and a queue worker call.
 */
export type HeadReviewer = (octokit: InstanceType<typeof ProbotOctokit>, head: HeadRef, log: Logger) => Promise<void>;

/** The review bound when nothing sets one: well past a 300-file review, well short of a stuck check. */
export const DEFAULT_REVIEW_TIMEOUT_MS = 300_000;

/** The review bound: `DIFFSEC_REVIEW_TIMEOUT_SECONDS`, else DEFAULT_REVIEW_TIMEOUT_MS. */
export function reviewTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.DIFFSEC_REVIEW_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_REVIEW_TIMEOUT_MS;
}

const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'] as const;

/**
 * The diffsec GitHub App: reviews pull request heads on push and on "Re-run". check_suite.requested
 * is not handled: it arrives with every push beside pull_request.synchronize, and reviewing on
 * both would race; check_suite.rerequested is.
 */
export function diffsecApp(options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const rules = options.rules ?? loadRules(bundledRulesDir());
    const webUrl = process.env.GHE_HOST ? `${process.env.GHE_PROTOCOL ?? 'https'}://${process.env.GHE_HOST}` : 'https://github.com';
    const explicitLogin = options.botLogin ?? process.env.DIFFSEC_BOT_LOGIN;
    const botIdentity = identityOnce(async () => {
      if (explicitLogin) return { login: explicitLogin };
      // Without an installation id, auth() gives an Octokit authenticated as the app itself.
      const appOctokit = await app.auth();
      const { data } = await withRetries(() => appOctokit.rest.apps.getAuthenticated(), options.sleep);
      return { login: botLoginOf(appSlugOf(data)) };
    });
    const deps = {
      rules,
      webUrl,
      botIdentity,
      timeoutMs: options.reviewTimeoutMs ?? reviewTimeoutMs(),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.openCheckRuns ? { openCheckRuns: options.openCheckRuns } : {}),
      ...(options.pool ? { pool: options.pool } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    };
    const pacer = options.pacer ?? new WritePacer();

    const reviewHead: HeadReviewer = async (octokit, head, eventLog) => {
      // Every line of a review, Octokit's own included, names the delivery, repository, PR and head.
      const log = eventLog.child({ repo: `${head.owner}/${head.repo}`, pr: head.number, head: head.headSha, installation: head.installationId });
      octokit.log = octokitLog(log) as never;
      const github = countingClient(octokit, { pacer, paceKey: String(head.installationId), ...(options.metrics ? { metrics: options.metrics } : {}) });
      const repo = () => ({ owner: head.owner, repo: head.repo });
      await reviewPullRequest(github, head, () => loadRepoConfig({ octokit, repo }), { ...deps, log });
    };
    options.onReviewer?.(reviewHead);

    const review = async (context: Context, number: number, headSha: string, draft: boolean) => {
      if (!('installation' in context.payload) || !context.payload.installation) {
        context.log.error({ event: context.name }, 'diffsec: event without an installation; the app cannot authenticate, nothing done');
        return;
      }
      const { owner, repo } = context.repo();
      await reviewHead(context.octokit, { owner, repo, number, headSha, draft, installationId: context.payload.installation.id }, context.log);
    };

    app.on([...PULL_REQUEST_EVENTS], async (context) => {
      const pr = context.payload.pull_request;
      if (pr.state !== 'open') return;
      if (context.payload.action === 'synchronize') {
        // A push replaced `before`: its review, if running here, stops and posts nothing.
        const { before, after } = context.payload as { before?: string; after?: string };
        const stopped = options.openCheckRuns?.supersede({ ...context.repo(), number: pr.number }, before ?? '', after ?? pr.head.sha) ?? 0;
        if (stopped) context.log.info({ pr: pr.number, before, after }, 'diffsec: review of the previous head superseded');
      }
      await review(context, pr.number, pr.head.sha, pr.draft === true);
    });

    app.on('check_run.rerequested', async (context) => {
      const run = context.payload.check_run;
      if (run.name !== 'diffsec') return;
      const number = Number(run.external_id) || run.pull_requests[0]?.number;
      if (!number) return;
      const { data: pr } = await context.octokit.rest.pulls.get(context.repo({ pull_number: number }));
      const head = headShaOf(pr);
      if (pr.state !== 'open' || head !== run.head_sha) return;
      await review(context, number, head, false);
    });

    app.on('check_suite.rerequested', async (context) => {
      const suite = context.payload.check_suite;
      let number = suite.pull_requests[0]?.number;
      if (!number) {
        // Fork pull requests come with an empty pull_requests array: look the head up.
        const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit(context.repo({ commit_sha: suite.head_sha }));
        if (!Array.isArray(data)) throw new UnexpectedAnswer('repos.listPullRequestsAssociatedWithCommit', 'not a list');
        number = data.find((p) => p.state === 'open')?.number;
      }
      if (!number) return;
      const { data: pr } = await context.octokit.rest.pulls.get(context.repo({ pull_number: number }));
      const head = headShaOf(pr);
      if (pr.state !== 'open' || head !== suite.head_sha) return;
      await review(context, number, head, false);
    });
  };
}
