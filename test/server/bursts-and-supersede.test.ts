import type { AddressInfo } from 'node:net';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { OpenCheckRuns } from '../../src/github/open-check-runs.js';
import { DiffsecMetrics } from '../../src/metrics/metrics.js';
import { createWebhookServer, type WebhookServer } from '../../src/server/webhook-server.js';
import { addedFile, AppHarness, OWNER, pullRequestPayload, REPO } from '../github/harness.js';
import { deliverWebhook } from '../helpers/deliver-webhook.js';

const SECRET = 'burst-secret';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const flagged = addedFile('run.py', ['import subprocess', '', 'def run(cmd):', '    subprocess.call(cmd, shell=True)']);

/** The real app behind diffsec's own webhook server, on loopback, against the GitHub double. */
async function start(github: GitHubApiDouble, options: { reviewTimeoutMs?: number } = {}) {
  const openCheckRuns = new OpenCheckRuns();
  const metrics = new DiffsecMetrics();
  const harness = await new AppHarness(github, { openCheckRuns, metrics, ...options }).start();
  const front: WebhookServer = createWebhookServer({ secret: SECRET, log: silent, receive: (d) => harness.probot.receive(d as never), metrics: () => metrics.render() });
  metrics.trackDeliveries(() => front.inFlight);
  await new Promise<void>((resolve) => front.server.listen(0, '127.0.0.1', resolve));
  const port = (front.server.address() as AddressInfo).port;
  const deliver = (id: string, payload: unknown) => deliverWebhook(port, SECRET, { id, payload });
  const stop = async () => {
    await front.drain(10_000);
    await new Promise((resolve) => front.server.close(resolve));
    await harness.stop();
  };
  return { harness, front, deliver, metrics, port, stop };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const runsOn = (github: GitHubApiDouble, sha: string) => [...github.checkRuns.values()].filter((r) => r.head_sha === sha);
const completionsOf = (github: GitHubApiDouble, sha: string) => {
  const ids = new Set([...github.checkRuns.entries()].filter(([, r]) => r.head_sha === sha).map(([id]) => id));
  return github.checkRunUpdates.filter((u) => ids.has(u.id) && u.body.status === 'completed');
};

describe('redelivery and bursts', () => {
  it('20 synchronize deliveries of one head at once, duplicate ids and a manual redelivery: one review, one completed check', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 9, headSha: B, files: [flagged] });
    const app = await start(github);
    try {
      const payload = { ...pullRequestPayload('synchronize', 9, B), before: A, after: B };
      const sends = [
        ...Array.from({ length: 20 }, (_, i) => app.deliver(`burst-${i}`, payload)),
        // GitHub's own redelivery: the same X-GitHub-Delivery twice, at once.
        app.deliver('burst-0', payload),
        app.deliver('burst-1', payload),
      ];
      expect(new Set(await Promise.all(sends))).toEqual(new Set([202]));
      await until(() => completionsOf(github, B).length > 0, 20_000);
      await app.front.drain(20_000);
      // "Redeliver" in the app's settings: a new delivery id for the same head, after the review.
      expect(await app.deliver('manual-redelivery', payload)).toBe(202);
      await app.front.drain(20_000);
      expect(runsOn(github, B)).toHaveLength(1);
      expect(completionsOf(github, B)).toHaveLength(1);
      expect(github.reviews).toHaveLength(1);
      expect(github.reviews[0]!.body.commit_id).toBe(B);
      const text = (await app.metrics.render()).body;
      expect(text).toMatch(/diffsec_reviews_total\{outcome="failure"\} 1\n/);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it('a newer head supersedes the review of the older one still running: neutral "superseded by <sha>", no review for it', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 7, headSha: A, files: [flagged] });
    // Listing the older head's files hangs, as a slow GitHub would.
    github.fail({ method: 'GET', path: /\/pulls\/7\/files$/, status: 200, body: [], delayMs: 8_000 });
    const app = await start(github);
    try {
      expect(await app.deliver('open-a', pullRequestPayload('opened', 7, A))).toBe(202);
      await until(() => runsOn(github, A).length === 1, 10_000);
      github.setHead(7, B);
      const pushed = Date.now();
      expect(await app.deliver('push-b', { ...pullRequestPayload('synchronize', 7, B), before: A, after: B })).toBe(202);
      await until(() => completionsOf(github, A).length === 1 && completionsOf(github, B).length === 1, 20_000);
      // Stopped at once, not after the hanging call came back.
      expect(Date.now() - pushed).toBeLessThan(6_000);
      const older = completionsOf(github, A)[0]!.body;
      expect([older.conclusion, (older.output as { title: string }).title]).toEqual(['neutral', `Superseded by ${B.slice(0, 7)}`]);
      expect((older.output as { summary: string }).summary).toContain(`Superseded by ${B}`);
      expect(completionsOf(github, B)[0]!.body.conclusion).toBe('failure');
      await app.front.drain(15_000);
      expect(github.reviews.map((r) => r.body.commit_id)).toEqual([B]);
      expect((await app.metrics.render()).body).toMatch(/diffsec_reviews_total\{outcome="superseded"\} 1\n/);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it('a review past its time bound completes its check as timed out and posts nothing later', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 5, headSha: A, files: [flagged] });
    // A call that hangs (no per-call timeout in this harness): only the review's bound can end it.
    github.fail({ method: 'GET', path: /\/pulls\/5\/files$/, status: 200, body: [], delayMs: 4_000 });
    const app = await start(github, { reviewTimeoutMs: 700 });
    try {
      const started = Date.now();
      expect(await app.deliver('slow', pullRequestPayload('opened', 5, A))).toBe(202);
      await until(() => completionsOf(github, A).length === 1, 10_000);
      expect(Date.now() - started).toBeLessThan(3_500);
      const run = completionsOf(github, A)[0]!.body;
      expect([run.conclusion, (run.output as { title: string }).title]).toEqual(['failure', 'Review timed out']);
      expect((run.output as { summary: string }).summary).toContain('longer than its 1 s bound');
      // Past the hanging call's answer: nothing more was sent for this review.
      const requests = github.requests.length;
      await new Promise((r) => setTimeout(r, 4_500));
      expect(github.reviews).toHaveLength(0);
      expect(github.requests.length).toBe(requests);
      expect((await app.metrics.render()).body).toMatch(/diffsec_reviews_total\{outcome="timed-out"\} 1\n/);
    } finally {
      await app.stop();
    }
  }, 30_000);

  it('serves Prometheus metrics: API calls by status, durations, skipped files, deliveries in flight', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 3, headSha: A, files: [flagged, { path: 'blob.py', status: 'added', patch: '@@ -0,0 +1 @@\n+x', content: Buffer.from([0, 1, 2, 0]) }] });
    const app = await start(github);
    try {
      expect(await app.deliver('m-1', pullRequestPayload('opened', 3, A))).toBe(202);
      await until(() => completionsOf(github, A).length === 1, 20_000);
      await app.front.drain(10_000);
      const response = await fetch(`http://127.0.0.1:${app.port}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(runsOn(github, A)).toHaveLength(1);
      expect(text).toMatch(/diffsec_github_requests_total\{method="POST",status="201"\} [1-9]/);
      expect(text).toMatch(/diffsec_github_requests_total\{method="PATCH",status="200"\} 1\n/);
      expect(text).toMatch(/diffsec_github_requests_total\{method="GET",status="200"\} [1-9]/);
      expect(text).toMatch(/diffsec_review_duration_seconds_count\{outcome="failure"\} 1\n/);
      expect(text).toMatch(/diffsec_files_skipped_total\{reason="binary"\} 1\n/);
      expect(text).toMatch(/diffsec_reviews_in_flight 0\n/);
      expect(text).toMatch(/diffsec_deliveries_in_flight 0\n/);
    } finally {
      await app.stop();
    }
  }, 30_000);
});
