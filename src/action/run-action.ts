import { readFile } from 'node:fs/promises';
import { ProbotOctokit, type Context } from 'probot';
import { countingClient } from '../github/github-client.js';
import { describe } from '../github/github-source.js';
import { loadRepoConfig } from '../github/load-repo-config.js';
import { reviewPullRequest } from '../github/review-pull-request.js';
import { bundledRulesDir, bundledRulesSnapshot } from '../package-root.js';
import { loadRules } from '../rules/load-rules.js';
import type { Rule } from '../rules/rule.js';
import type { Sleep } from '../github/with-retries.js';
import { actionInputs, ActionInputError } from './action-inputs.js';
import { actionLog } from './action-log.js';

/** The events whose payload carries the pull request to review. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export interface RunActionOptions {
  /** Where the log goes (the step's output). */
  out?: { write(text: string): unknown };
  /** Rules to run; the bundled ones by default. */
  rules?: Rule[];
  sleep?: Sleep;
  /** Extra Octokit options (tests turn retries and the throttle off against the double). */
  octokit?: Record<string, unknown>;
}

/**
 * The GitHub Action's entry point: reads the workflow's event and environment, and reviews the
 * pull request head exactly as the app does (reviewPullRequest: the pull request's files and
 * diff from the API, so the diff is GitHub's, from the merge-base; `.github/diffsec.yml` from the
 * default branch; the same review comments and `diffsec` check run), posting with the workflow
 * token. Returns the exit code: 1 when the check concluded `failure` and `fail-job` is true, or
 * when the review could not be posted; 0 otherwise, and for events that are not pull requests.
 */
export async function runAction(env: NodeJS.ProcessEnv, options: RunActionOptions = {}): Promise<number> {
  const out = options.out ?? process.stdout;
  const log = actionLog(out);
  try {
    const inputs = actionInputs(env);
    if (!PULL_REQUEST_EVENTS.has(inputs.eventName)) {
      log.info(`diffsec: the ${inputs.eventName} event has no pull request to review; nothing posted`);
      return 0;
    }
    const pr = pullRequestOf(JSON.parse(await readFile(inputs.eventPath, 'utf8')), inputs.repository);
    if (pr.state !== 'open') {
      log.info(`diffsec: pull request #${pr.number} is ${pr.state}; not reviewed`);
      return 0;
    }
    const octokit = new ProbotOctokit({ auth: { token: inputs.token }, baseUrl: inputs.apiUrl, log: { debug: () => undefined, info: () => undefined, warn: log.warn.bind(log), error: log.error.bind(log) }, ...options.octokit });
    // The review's last check-run update carries the conclusion: watch for it, to set the exit code.
    let conclusion: string | null = null;
    octokit.hook.after('request', (_response, request) => {
      if (request.method === 'PATCH' && String(request.url).includes('/check-runs/') && typeof request.conclusion === 'string') conclusion = request.conclusion;
    });
    // loadRepoConfig reads the config through a Probot context; these are the two members it uses.
    const context = { octokit, repo: <T>(extra?: T) => ({ owner: pr.owner, repo: pr.repo, ...extra }) } as unknown as Context;
    await reviewPullRequest(countingClient(octokit), pr, () => loadRepoConfig(context), {
      // The build's snapshot of them when current (see rule-snapshot.ts): a tenth of loading the YAML.
      rules: options.rules ?? loadRules(bundledRulesDir(), { snapshot: bundledRulesSnapshot() }),
      log,
      webUrl: inputs.serverUrl,
      botIdentity: async () => ({ login: inputs.botLogin }),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
    if (conclusion === null) {
      log.error(`diffsec: the review of #${pr.number} did not complete its check run (see the lines above)`);
      return 1;
    }
    log.info(`diffsec: check run concluded ${conclusion}`);
    return conclusion === 'failure' && inputs.failJob ? 1 : 0;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint = status === 403 || status === 404 ? ` — the token needs 'checks: write' and 'pull-requests: write' (a pull_request from a fork gets a read-only token: see docs/ci.md)` : '';
    log.error(`diffsec: ${error instanceof ActionInputError || error instanceof SyntaxError ? error.message : describe(error)}${hint}`);
    return 1;
  }
}

/** The pull request of a pull_request event payload; throws ActionInputError when the payload has none. */
function pullRequestOf(payload: unknown, repository: string) {
  const pr = (payload as { pull_request?: { number?: unknown; state?: unknown; draft?: unknown; head?: { sha?: unknown } } } | null)?.pull_request;
  if (!pr || typeof pr.number !== 'number' || typeof pr.head?.sha !== 'string') throw new ActionInputError('the event payload (GITHUB_EVENT_PATH) has no pull_request with a number and a head sha');
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new ActionInputError(`GITHUB_REPOSITORY must be owner/name (got '${repository}')`);
  return { owner, repo, number: pr.number, headSha: pr.head.sha, draft: pr.draft === true, state: typeof pr.state === 'string' ? pr.state : 'open' };
}
