import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import { REVIEW_QUEUE } from '../../src/queue/queue-settings.js';
import { deliver, pullRequestEvent, receiverPort, startProcess, until, type AppProcess } from './queue-processes.js';
import { redisServerBinary, startRedis, type TestRedis } from './redis-server.js';

const binary = redisServerBinary();
if (!binary) console.warn('test/queue: redis-server is not installed, so the Redis queue tests are SKIPPED (.ci/run installs it: apt-get install redis-server)');
const suite = binary ? describe : describe.skip;

const lines = ['import subprocess', '', 'def run(cmd):', '    subprocess.call(cmd, shell=True)'];
const files: DoubleFile[] = [{ path: 'run.py', status: 'added', patch: `@@ -0,0 +1,4 @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' }];
const jobId = (pr: number, sha: string) => `acme/repo#${pr}@${sha}`;

suite('scale-out on Redis: one receiver and two worker processes', () => {
  let redis: TestRedis;
  let github: GitHubApiDouble;
  let queue: Queue;
  let receiver: AppProcess;
  let port: number;
  const workers: AppProcess[] = [];
  const env = () => ({
    REDIS_URL: redis.url,
    GITHUB_API_URL: github.url,
    // Short locks so a killed worker's job is taken again within seconds, not 30 s.
    DIFFSEC_QUEUE_LOCK_MS: '3000',
    DIFFSEC_QUEUE_STALLED_MS: '1000',
    DIFFSEC_QUEUE_BACKOFF_MS: '200',
    DIFFSEC_QUEUE_ATTEMPTS: '3',
    DIFFSEC_WORKER_CONCURRENCY: '1',
    DIFFSEC_JOBS: '1',
  });
  const startWorker = () => workers[workers.push(startProcess('worker', env())) - 1]!;
  const runsOn = (sha: string) => [...github.checkRuns.entries()].filter(([, run]) => run.head_sha === sha);
  const completions = (id: number) => github.checkRunUpdates.filter((u) => u.id === id && u.body.status === 'completed');
  const reviewsOf = (pull: number) => github.reviews.filter((r) => r.pull === pull);
  const everything = () => [receiver, ...workers].map((p) => p.output()).join('\n---\n');

  beforeAll(async () => {
    redis = await startRedis(binary!);
    github = new GitHubApiDouble('acme', 'repo');
    await github.start();
    queue = new Queue(REVIEW_QUEUE, { connection: { url: redis.url } });
    receiver = startProcess('receiver', env());
    port = await receiverPort(receiver);
  });

  afterAll(async () => {
    for (const p of [receiver, ...workers]) p?.child.kill('SIGKILL');
    await Promise.all([receiver, ...workers].map((p) => p?.exited));
    await queue?.close();
    await github?.stop();
    await redis?.stop();
  });

  // Runs first, while no worker is up, so that the older head's job is still queued.
  it('a newer head removes the queued job of an older head; only the newer one is reviewed', async () => {
    const [older, newer] = ['1'.repeat(40), '2'.repeat(40)];
    github.addPullRequest({ number: 1, headSha: older, files });
    expect(await deliver(port, 'pull_request', 'd-1-older', pullRequestEvent('opened', 1, older, '2026-01-01T00:00:00Z'))).toBe(202);
    await until(async () => (await queue.getJob(jobId(1, older))) !== undefined, 10_000, everything);
    github.setHead(1, newer);
    expect(await deliver(port, 'pull_request', 'd-1-newer', pullRequestEvent('synchronize', 1, newer, '2026-01-01T00:01:00Z'))).toBe(202);
    await until(async () => (await queue.getJob(jobId(1, older))) === undefined, 10_000, everything);
    expect(await (await queue.getJob(jobId(1, newer)))?.getState()).toBe('waiting');

    startWorker();
    startWorker();
    await until(() => runsOn(newer).some(([, run]) => run.status === 'completed'), 30_000, everything);
    expect(runsOn(older)).toEqual([]);
    expect(reviewsOf(1).map((r) => r.body.commit_id)).toEqual([newer]);
  }, 60_000);

  it('collapses the same delivery sent twice and a redelivery of the same head into one review and one completed check', async () => {
    const head = '3'.repeat(40);
    github.addPullRequest({ number: 2, headSha: head, files });
    const event = pullRequestEvent('opened', 2, head);
    const statuses = await Promise.all([deliver(port, 'pull_request', 'd-2', event), deliver(port, 'pull_request', 'd-2', event), deliver(port, 'pull_request', 'd-2-redelivered', event)]);
    expect(statuses).toEqual([202, 202, 202]);
    await until(async () => (await (await queue.getJob(jobId(2, head)))?.getState()) === 'completed', 30_000, everything);
    const runs = runsOn(head);
    expect(runs).toHaveLength(1);
    expect(completions(runs[0]![0])).toHaveLength(1);
    expect(reviewsOf(2)).toHaveLength(1);
  }, 60_000);

  it('retries a job whose worker is killed (SIGKILL) mid-review on the other worker, and completes its one check run once', async () => {
    const head = '4'.repeat(40);
    github.addPullRequest({ number: 3, headSha: head, files });
    // Listing the files hangs long enough for the worker to be killed with the check run open.
    github.fail({ method: 'GET', path: /\/pulls\/3\/files$/, status: 200, body: [], delayMs: 8_000 });
    expect(await deliver(port, 'pull_request', 'd-3', pullRequestEvent('opened', 3, head))).toBe(202);
    await until(() => runsOn(head).length === 1 && github.unusedFaults.length === 0, 20_000, everything);
    const started = (p: AppProcess) => p.logs().some((l) => l.msg === 'diffsec: review job started' && l.job === jobId(3, head));
    const victim = workers.find((w) => w.child.exitCode === null && started(w))!;
    expect(victim).toBeDefined();
    victim.child.kill('SIGKILL');
    await victim.exited;

    await until(() => runsOn(head)[0]![1].status === 'completed', 30_000, everything);
    const [[id, run]] = runsOn(head) as [[number, Record<string, unknown>]];
    expect(runsOn(head)).toHaveLength(1);
    expect(run.conclusion).toBe('failure');
    expect(completions(id)).toHaveLength(1);
    // The second attempt reopened the run the killed worker had opened.
    expect(github.checkRunUpdates.filter((u) => u.id === id && u.body.status === 'in_progress')).toHaveLength(1);
    expect(reviewsOf(3)).toHaveLength(1);
    const survivor = workers.find((w) => w !== victim && w.child.exitCode === null)!;
    expect(started(survivor)).toBe(true);
    await until(async () => (await (await queue.getJob(jobId(3, head)))?.getState()) === 'completed', 10_000, everything);
    startWorker();
  }, 90_000);

  it('lands a job failing every attempt in the failed set with the reason, and completes its check saying so', async () => {
    const head = '5'.repeat(40);
    github.addPullRequest({ number: 4, headSha: head, files });
    for (let i = 0; i < 3; i++) github.fail({ method: 'POST', path: /\/check-runs$/, status: 422, body: { message: 'No commit found for SHA: 5555555' } });
    expect(await deliver(port, 'pull_request', 'd-4', pullRequestEvent('opened', 4, head))).toBe(202);
    await until(async () => (await (await queue.getJob(jobId(4, head)))?.getState()) === 'failed', 30_000, everything);
    const job = (await queue.getJob(jobId(4, head)))!;
    expect(job.attemptsMade).toBe(3);
    expect(job.failedReason).toMatch(/HTTP 422: No commit found for SHA/);
    await until(() => runsOn(head).length === 1 && runsOn(head)[0]![1].status === 'completed', 10_000, everything);
    const [[, run]] = runsOn(head) as [[number, Record<string, unknown>]];
    expect(run.conclusion).toBe('failure');
    expect((run.output as { summary: string }).summary).toMatch(/gave up on this review after 3 attempts: HTTP 422: No commit found for SHA/);
    expect(github.unusedFaults).toEqual([]);
    expect(reviewsOf(4)).toEqual([]);
  }, 60_000);

  it('completes as neutral "superseded by" the check of a killed worker\'s job when a newer head arrived meanwhile, and reviews the newer head', async () => {
    const [older, newer] = ['6'.repeat(40), '7'.repeat(40)];
    github.addPullRequest({ number: 5, headSha: older, files });
    github.fail({ method: 'GET', path: /\/pulls\/5\/files$/, status: 200, body: [], delayMs: 8_000 });
    expect(await deliver(port, 'pull_request', 'd-5-older', pullRequestEvent('opened', 5, older, '2026-01-01T00:00:00Z'))).toBe(202);
    await until(() => runsOn(older).length === 1 && github.unusedFaults.length === 0, 20_000, everything);
    const victim = workers.find((w) => w.child.exitCode === null && w.logs().some((l) => l.msg === 'diffsec: review job started' && l.job === jobId(5, older)))!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    github.setHead(5, newer);
    expect(await deliver(port, 'pull_request', 'd-5-newer', pullRequestEvent('synchronize', 5, newer, '2026-01-01T00:01:00Z'))).toBe(202);

    await until(() => runsOn(older)[0]![1].status === 'completed' && runsOn(newer).some(([, run]) => run.status === 'completed'), 30_000, everything);
    const [[olderId, olderRun]] = runsOn(older) as [[number, Record<string, unknown>]];
    expect(olderRun.conclusion).toBe('neutral');
    expect((olderRun.output as { summary: string }).summary).toMatch(/^Superseded by 7777777/);
    expect(completions(olderId)).toHaveLength(1);
    expect(runsOn(newer)).toHaveLength(1);
    expect(reviewsOf(5).map((r) => r.body.commit_id)).toEqual([newer]);
    await until(async () => (await (await queue.getJob(jobId(5, older)))?.getState()) === 'completed', 10_000, everything);
    expect((await queue.getJob(jobId(5, older)))!.returnvalue).toBe('superseded');
    startWorker();
  }, 90_000);

  it("keeps Probot's rate-limit state in Redis, per installation and shared by the workers, with ioredis loaded locally (no npx download)", async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('b_octokit-*');
      // Keyed by installation (1 here; see workerOctokit): GitHub's limits are per token.
      expect(keys).toEqual(expect.arrayContaining(['b_octokit-global-installation-1_settings', 'b_octokit-write-installation-1_settings']));
    } finally {
      client.disconnect();
    }
    expect(everything()).not.toContain('[NPXI]');
  });
});
