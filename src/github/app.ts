import type { ApplicationFunction, Context } from 'probot';
import { bundledRulesDir } from '../package-root.js';
import { loadRules } from '../rules/load-rules.js';
import type { Rule } from '../rules/rule.js';
import { countingClient } from './github-client.js';
import { loadRepoConfig } from './load-repo-config.js';
import { reviewPullRequest } from './review-pull-request.js';
import type { Sleep } from './with-retries.js';

export interface AppOptions {
  /** Rules to run; the bundled ones by default. */
  rules?: Rule[];
  /** Waits between retries; tests make it instant. */
  sleep?: Sleep;
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
    const deps = { rules, log: app.log, webUrl, ...(options.sleep ? { sleep: options.sleep } : {}) };

    const review = async (context: Context, number: number, headSha: string, draft: boolean) => {
      if (!('installation' in context.payload) || !context.payload.installation) {
        context.log.error({ event: context.name }, 'diffsec: event without an installation; the app cannot authenticate, nothing done');
        return;
      }
      const { owner, repo } = context.repo();
      await reviewPullRequest(countingClient(context.octokit), { owner, repo, number, headSha, draft }, () => loadRepoConfig(context), deps);
    };

    app.on([...PULL_REQUEST_EVENTS], async (context) => {
      const pr = context.payload.pull_request;
      if (pr.state !== 'open') return;
      await review(context, pr.number, pr.head.sha, pr.draft === true);
    });

    app.on('check_run.rerequested', async (context) => {
      const run = context.payload.check_run;
      if (run.name !== 'diffsec') return;
      const number = Number(run.external_id) || run.pull_requests[0]?.number;
      if (!number) return;
      const { data: pr } = await context.octokit.rest.pulls.get(context.repo({ pull_number: number }));
      if (pr.state !== 'open' || pr.head.sha !== run.head_sha) return;
      await review(context, number, pr.head.sha, false);
    });

    app.on('check_suite.rerequested', async (context) => {
      const suite = context.payload.check_suite;
      let number = suite.pull_requests[0]?.number;
      if (!number) {
        // Fork pull requests come with an empty pull_requests array: look the head up.
        const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit(context.repo({ commit_sha: suite.head_sha }));
        number = data.find((p) => p.state === 'open')?.number;
      }
      if (!number) return;
      const { data: pr } = await context.octokit.rest.pulls.get(context.repo({ pull_number: number }));
      if (pr.state !== 'open' || pr.head.sha !== suite.head_sha) return;
      await review(context, number, pr.head.sha, false);
    });
  };
}
