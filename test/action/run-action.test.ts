import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/run-action.js';
import { examplePullRequestFiles } from '../../src/demo/example-pull-request.js';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';

const HEAD = '4f2c1d0e9b8a7f6e5d4c3b2a19080706f5e4d3c2';
const rules = loadRules(bundledRulesDir());

/** The action's entry point as a workflow step runs it: an event file and the runner's variables. */
describe('the GitHub Action entry point', () => {
  let github: GitHubApiDouble;
  let dir: string;
  let out: string;

  beforeEach(async () => {
    github = new GitHubApiDouble('acme', 'inventory').addPullRequest({
      number: 7,
      headSha: HEAD,
      files: examplePullRequestFiles().map((f) => ({ path: f.path, status: 'modified' as const, patch: f.patch, content: f.content })),
    });
    await github.start();
    dir = mkdtempSync(join(tmpdir(), 'diffsec-action-'));
    out = '';
  });
  afterEach(async () => {
    await github.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function env(event: Record<string, unknown>, eventName = 'pull_request', inputs: Record<string, string> = {}): NodeJS.ProcessEnv {
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event));
    return {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/inventory',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      'INPUT_GITHUB-TOKEN': 'ghs_workflow_token',
      ...inputs,
    };
  }
  const pullRequestEvent = (extra: Record<string, unknown> = {}) => ({
    action: 'synchronize',
    number: 7,
    repository: { name: 'inventory', owner: { login: 'acme' } },
    pull_request: { number: 7, state: 'open', draft: false, head: { sha: HEAD }, base: { sha: '0'.repeat(40) }, ...extra },
  });
  const authorizations = new Set<string>();
  const recordingFetch = (url: string, init: RequestInit) => {
    authorizations.add(String(new Headers(init.headers).get('authorization')));
    return fetch(url, init);
  };
  const run = (environment: NodeJS.ProcessEnv) =>
    runAction(environment, { out: { write: (s: string) => (out += s) }, rules, sleep: async () => undefined, octokit: { retry: { enabled: false }, throttle: { enabled: false }, request: { fetch: recordingFetch } } });

  it('posts the review and completes the diffsec check on the head, with the workflow token, and fails the job on a failing check', async () => {
    const code = await run(env(pullRequestEvent()));
    expect(out).not.toContain('::error::');
    expect(code).toBe(1);

    expect(github.reviews).toHaveLength(1);
    const review = github.reviews[0]!.body as { commit_id: string; event: string; comments: { path: string; line: number; body: string }[] };
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    expect(review.comments.map((c) => `${c.path}:${c.line}`)).toEqual(expect.arrayContaining(['inventory/export.py:18', 'inventory/settings.py:4']));

    const [check] = [...github.checkRuns.values()];
    expect(check).toMatchObject({ name: 'diffsec', head_sha: HEAD, external_id: '7', status: 'completed', conclusion: 'failure' });
    // The summary's links go to the server the workflow runs on.
    expect(JSON.stringify(check)).toContain(`https://github.example/acme/inventory/blob/${HEAD}`);

    expect(review.comments.some((c) => c.body.includes('DS101'))).toBe(true);
    // Every call carried the workflow token; the config was read from the repository.
    expect([...authorizations]).toEqual(['token ghs_workflow_token']);
    expect(github.calls()).toEqual(expect.arrayContaining([`GET /repos/acme/inventory/contents/.github/diffsec.yml`, 'POST /repos/acme/inventory/pulls/7/reviews', 'POST /repos/acme/inventory/check-runs']));
    expect(out).toContain('check run concluded failure');
  });

  it('uses the repository config from the API, and fail-job: false leaves the gate to the check', async () => {
    github.config = 'fail_on:\n  severity: high\n  confidence: high\nrules:\n  disable: [DS101, DS602, DS201, DS401]\n';
    const code = await run(env(pullRequestEvent(), 'pull_request_target', { 'INPUT_FAIL-JOB': 'false' }));
    expect(code).toBe(0);
    const review = github.reviews[0]!.body as { comments: { body: string }[] };
    expect(review.comments.some((c) => c.body.includes('DS101'))).toBe(false);
    expect([...github.checkRuns.values()][0]).toMatchObject({ status: 'completed' });
  });

  it('does nothing for an event that is not a pull request, or a closed one', async () => {
    expect(await run(env({ ref: 'refs/heads/main' }, 'push'))).toBe(0);
    expect(await run(env(pullRequestEvent({ state: 'closed' })))).toBe(0);
    expect(github.calls()).toEqual([]);
    expect(out).toContain('push event has no pull request');
  });

  it('says what is missing, and what the token needs when GitHub refuses (exit 1)', async () => {
    const missing = env(pullRequestEvent());
    delete missing['INPUT_GITHUB-TOKEN'];
    expect(await run(missing)).toBe(1);
    expect(out).toMatch(/::error::diffsec: input github-token \(or GITHUB_TOKEN\) is not set/);

    out = '';
    github.fail({ method: 'POST', path: /\/check-runs$/, status: 403, body: { message: 'Resource not accessible by integration' } });
    expect(await run(env(pullRequestEvent()))).toBe(1);
    expect(out).toMatch(/::error::diffsec: HTTP 403.*checks: write/);
    expect(out).not.toContain('ghs_workflow_token');
  });

  it('runs as action.yml runs it: node dist/src/action/main.js in the step environment', async () => {
    const environment = { PATH: process.env.PATH, ...env(pullRequestEvent()) };
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [join(process.cwd(), 'dist/src/action/main.js')], { env: environment, timeout: 60_000 }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
    });
    expect(result.stdout).toContain('check run concluded failure');
    expect(result.code).toBe(1);
    expect(github.reviews).toHaveLength(1);
  });
});
