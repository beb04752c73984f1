import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { deliverWebhook } from '../helpers/deliver-webhook.js';

// The built app (`npm start`) as a child process against the loopback GitHub double: what an
// operator runs, with its real logger writing to stdout.
const ROOT = process.cwd();
const SECRET = 'ops-webhook-secret-7d1e';
const HEAD = 'c'.repeat(40);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

async function startApp(github: GitHubApiDouble, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, GITHUB_API_URL: github.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...extraEnv };
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += String(c)));
  child.stderr!.on('data', (c) => (output += String(c)));
  const listening = /listening on http:\/\/[^:]+:(\d+)/;
  for (let i = 0; i < 300 && !listening.test(output); i++) await new Promise((r) => setTimeout(r, 50));
  const port = Number(listening.exec(output)?.[1]);
  if (!port) throw new Error(`the app did not start:\n${output}`);
  return { child, port, output: () => output };
}

const deliver = (port: number, id: string, payload: unknown): Promise<number> => deliverWebhook(port, SECRET, { id, payload });

function opened(number: number, head = HEAD) {
  const repository = { id: 1, name: 'repo', full_name: 'acme/repo', owner: { login: 'acme', id: 1, type: 'Organization' }, private: false, default_branch: 'main' };
  return { action: 'opened', number, installation: { id: 1 }, repository, sender: { login: 'dev', id: 2, type: 'User' }, pull_request: { number, state: 'open', draft: false, head: { sha: head, repo: repository }, base: { sha: 'a'.repeat(40), repo: repository } } };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('operations of the built app', () => {
  it('logs one JSON object per line at debug level, naming the delivery, repository, PR and head on review lines, and never the private key, the webhook secret, the token or the reviewed code', async () => {
    // The file's unflagged lines and its flagged line (quoted in the review comment and the annotation).
    // (DS137's message and suggestion quote the constant command: the review comment carries it.)
    const lines = ['import subprocess', 'CANARY_CONTENT_LINE = "zebra-umbrella-4471"', '', 'def run(cmd):', '    subprocess.call(cmd, shell=True)  # canary-flagged-9931', '    subprocess.call("ls -l /srv/canary-quoted-5521", shell=True)'];
    const github = new GitHubApiDouble('acme', 'repo').addPullRequest({ number: 3, headSha: HEAD, files: [{ path: 'run.py', status: 'added', patch: `@@ -0,0 +1,6 @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' }] });
    await github.start();
    const app = await startApp(github, { LOG_LEVEL: 'debug', DIFFSEC_SWEEP_INTERVAL_SECONDS: '0' });
    try {
      expect(await deliver(app.port, 'delivery-log-1', opened(3))).toBe(202);
      await until(() => [...github.checkRuns.values()].some((r) => r.status === 'completed'), 20_000);
      await until(() => app.output().includes('reviewed pull request'), 5_000);
      expect(github.reviews).toHaveLength(1);
      expect(JSON.stringify(github.reviews[0]!.body)).toContain('canary-quoted-5521');
      const exit = exited(app.child);
      app.child.kill('SIGTERM');
      await exit;
      const output = app.output();
      const records = output.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records.some((r) => r.level === 20)).toBe(true);
      // Secrets and content, in any form they could take in a log line.
      for (const secret of [SECRET, 'ghs_double_token', ...privateKey.split('\n').filter((l) => l.length > 20), 'zebra-umbrella-4471', 'canary-flagged-9931', 'canary-quoted-5521', 'subprocess.call(cmd']) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(JSON.stringify(secret).slice(1, -1));
      }
      // Every line of the review names its delivery, repository, pull request and head.
      // (GET /app, the bot's login, is looked up once per process for all reviews: it names none.)
      const reviewLines = records.filter((r) => (String(r.msg).startsWith('GitHub request:') && !/\/app - \d+$/.test(String(r.msg))) || String(r.msg).includes('reviewed pull request'));
      expect(reviewLines.length).toBeGreaterThan(5);
      for (const r of reviewLines) expect([r.id, r.repo, r.pr, r.head]).toEqual(['delivery-log-1', 'acme/repo', 3, HEAD]);
    } finally {
      app.child.kill('SIGKILL');
      await github.stop();
    }
  }, 60_000);

  it('retries a persistent 500 in one layer only (4 attempts, not 16), and ends a hanging call at the review bound', async () => {
    const lines = ['import os', '', 'os.system(cmd)'];
    const files = [{ path: 'run.py', status: 'added' as const, patch: `@@ -0,0 +1,3 @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' }];
    const github = new GitHubApiDouble('acme', 'repo').addPullRequest({ number: 5, headSha: 'd'.repeat(40), files }).addPullRequest({ number: 6, headSha: 'e'.repeat(40), files });
    // Five 500s queued: a fifth attempt would take the last one.
    for (let i = 0; i < 5; i++) github.fail({ method: 'GET', path: /\/pulls\/5\/files$/, status: 500 });
    github.fail({ method: 'GET', path: /\/pulls\/6\/files$/, status: 200, body: [], delayMs: 60_000 });
    await github.start();
    const app = await startApp(github, { DIFFSEC_SWEEP_INTERVAL_SECONDS: '0', DIFFSEC_REVIEW_TIMEOUT_SECONDS: '20' });
    try {
      const started = Date.now();
      expect(await deliver(app.port, 'f-5', opened(5, 'd'.repeat(40)))).toBe(202);
      expect(await deliver(app.port, 'f-6', opened(6, 'e'.repeat(40)))).toBe(202);
      const completed = (sha: string) => [...github.checkRuns.values()].find((r) => r.head_sha === sha && r.status === 'completed');
      await until(() => Boolean(completed('d'.repeat(40)) && completed('e'.repeat(40))), 40_000);
      expect(github.requests.filter((r) => r.path.endsWith('/pulls/5/files'))).toHaveLength(4);
      expect(github.unusedFaults.filter((f) => String(f.path).includes('pulls\\/5'))).toHaveLength(1);
      expect(completed('d'.repeat(40))!.conclusion).toBe('failure');
      expect((completed('d'.repeat(40))!.output as { summary: string }).summary).toMatch(/HTTP 500/);
      const hung = completed('e'.repeat(40))!;
      expect([hung.conclusion, (hung.output as { title: string }).title]).toEqual(['failure', 'Review timed out']);
      expect(Date.now() - started).toBeLessThan(40_000);
      expect(github.reviews).toHaveLength(0);
    } finally {
      app.child.kill('SIGKILL');
      await github.stop();
    }
  }, 60_000);

  it('after a kill -9 mid-review, the next start completes the check left in progress as interrupted', async () => {
    const lines = ['import os', '', 'os.system(cmd)'];
    const github = new GitHubApiDouble('acme', 'repo').addPullRequest({ number: 4, headSha: HEAD, files: [{ path: 'run.py', status: 'added', patch: `@@ -0,0 +1,3 @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' }] });
    // Another app's check on the same head, in progress: never touched.
    const foreign = github.addCheckRun({ head_sha: HEAD, status: 'in_progress', started_at: new Date(Date.now() - 3_600_000).toISOString(), appId: 99 });
    github.fail({ method: 'GET', path: /\/pulls\/4\/files$/, status: 200, body: [], delayMs: 30_000 });
    await github.start();
    const first = await startApp(github, { DIFFSEC_SWEEP_INTERVAL_SECONDS: '0' });
    let second: Awaited<ReturnType<typeof startApp>> | null = null;
    try {
      expect(await deliver(first.port, 'k-1', opened(4))).toBe(202);
      await until(() => [...github.checkRuns.values()].filter((r) => r.name === 'diffsec' && r.status === 'in_progress').length === 2, 10_000);
      const exit = exited(first.child);
      first.child.kill('SIGKILL');
      await exit;
      const ours = [...github.checkRuns.entries()].find(([id, r]) => id !== foreign && r.status === 'in_progress')![0];
      // Stale after 1 s here (minutes in production: the review bound plus a margin).
      await new Promise((r) => setTimeout(r, 1_200));
      second = await startApp(github, { DIFFSEC_SWEEP_STALE_SECONDS: '1' });
      await until(() => github.checkRuns.get(ours)!.status === 'completed', 15_000);
      const run = github.checkRuns.get(ours)!;
      expect([run.conclusion, (run.output as { title: string }).title]).toEqual(['neutral', 'Review interrupted']);
      expect((run.output as { summary: string }).summary).toMatch(/Re-run/);
      expect(github.checkRuns.get(foreign)!.status).toBe('in_progress');
      await until(() => second!.output().includes('stale-check sweep done'), 5_000);
      expect(second.output()).toMatch(/"completed":1/);
    } finally {
      first.child.kill('SIGKILL');
      second?.child.kill('SIGKILL');
      await github.stop();
    }
  }, 60_000);
});
