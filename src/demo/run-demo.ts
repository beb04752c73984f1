import { createHmac, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Probot, ProbotOctokit } from 'probot';
import { diffsecApp } from '../github/app.js';
import { createWebhookServer } from '../server/webhook-server.js';
import { EXAMPLE_FIX, examplePullRequestFiles } from './example-pull-request.js';
import { GitHubApiDouble } from './github-api-double.js';
import { markOf, renderDemoReport } from './render-demo-report.js';

const OWNER = 'acme';
const REPO = 'inventory';
const HEAD = '4f2c1d0e9b8a7f6e5d4c3b2a19080706f5e4d3c2';
const FIX_HEAD = '9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e';
const WEBHOOK_SECRET = 'diffsec-demo-secret';

/**
 * `diffsec demo`: the whole webhook path with no GitHub account. Starts the real app in diffsec's
 * own webhook server on loopback, against a loopback GitHub API double seeded with the bundled
 * example pull request; delivers a signed pull_request.opened webhook, then a synchronize for a
 * push that fixes one finding; prints what GitHub would show after each (the review, the check
 * run and its annotations, the comment threads: the fixed one resolved). Exit 0 when the demo ran
 * (whatever it found).
 */
export async function runDemo(_argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 7, headSha: HEAD, files: exampleFiles(false) });
  await github.start();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: github.url,
    logLevel: 'warn',
    // The throttle paces writes a second apart for GitHub's secondary limits; the double has none.
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, throttle: { enabled: false } })),
  });
  await probot.load(diffsecApp());
  const front = createWebhookServer({ secret: WEBHOOK_SECRET, log: probot.log, receive: (delivery) => probot.receive(delivery as never) });
  const server = front.server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const deliver = async (payload: object, delivery: string): Promise<boolean> => {
      const body = JSON.stringify(payload);
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': delivery,
          'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
        },
        body,
      });
      if (response.status !== 202) process.stderr.write(`demo: the app answered the webhook with HTTP ${response.status}\n`);
      // The app answers at once and reviews after: wait for the review to finish.
      await front.drain(60_000);
      return response.status === 202;
    };
    if (!(await deliver(pullRequest('opened', HEAD), '00000000-0000-4000-8000-000000000007'))) return 2;
    out.write(renderDemoReport(github, `${OWNER}/${REPO}`, 7, undefined, `Push 1 (${HEAD.slice(0, 7)}): the pull request is opened.`));

    // The author fixes the shell command: diffsec resolves that comment's thread.
    const mark = markOf(github);
    github.addPullRequest({ number: 7, headSha: FIX_HEAD, files: exampleFiles(true) });
    if (!(await deliver(pullRequest('synchronize', FIX_HEAD), '00000000-0000-4000-8000-000000000008'))) return 2;
    out.write(renderDemoReport(github, `${OWNER}/${REPO}`, 7, mark, `Push 2 (${FIX_HEAD.slice(0, 7)}): ${EXAMPLE_FIX.to.slice(1).trim()} in ${EXAMPLE_FIX.path}.`));
    return 0;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await github.stop();
  }
}

function exampleFiles(fixed: boolean) {
  return examplePullRequestFiles(fixed).map((f) => ({ path: f.path, status: 'modified' as const, patch: f.patch, content: f.content }));
}

function pullRequest(action: 'opened' | 'synchronize', head: string) {
  const repository = { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER, id: 1, type: 'Organization' }, private: false, default_branch: 'main' };
  return {
    action,
    number: 7,
    installation: { id: 1 },
    repository,
    sender: { login: 'dev', id: 2, type: 'User' },
    pull_request: { number: 7, state: 'open', draft: false, title: 'Export inventory snapshots to the backup host', head: { sha: head, ref: 'export', repo: repository }, base: { sha: '0'.repeat(40), ref: 'main', repo: repository } },
  };
}
