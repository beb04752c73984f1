import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JobLedger } from '../../src/queue/job-ledger.js';
import { queueSettings, REVIEW_QUEUE } from '../../src/queue/queue-settings.js';
import { ReviewEnqueuer } from '../../src/queue/review-enqueuer.js';
import { pullRequestEvent } from './queue-processes.js';
import { redisServerBinary, startRedis, type TestRedis } from './redis-server.js';

const binary = redisServerBinary();
if (!binary) console.warn('test/queue: redis-server is not installed, so the Redis queue tests are SKIPPED (.ci/run installs it: apt-get install redis-server)');
const suite = binary ? describe : describe.skip;

const log = { lines: [] as string[], info: (_: object, m: string) => void log.lines.push(m), warn: (_: object, m: string) => void log.lines.push(m), error: (_: object, m: string) => void log.lines.push(m) };
const delivery = (id: string, payload: object, name = 'pull_request') => ({ id, name, payload: payload as Record<string, unknown> });

suite('ReviewEnqueuer (two receivers on one Redis)', () => {
  let redis: TestRedis;
  let client: Redis;
  let queue: Queue;
  let receivers: ReviewEnqueuer[];

  beforeAll(async () => {
    redis = await startRedis(binary!);
    client = new Redis(redis.url);
    queue = new Queue(REVIEW_QUEUE, { connection: { url: redis.url } });
  });
  beforeEach(async () => {
    await client.flushall();
    const settings = queueSettings({ REDIS_URL: redis.url });
    receivers = [new ReviewEnqueuer(settings, log), new ReviewEnqueuer(settings, log)];
  });
  afterEach(async () => Promise.all(receivers.map((r) => r.close())));
  afterAll(async () => {
    await queue?.close();
    client?.disconnect();
    await redis?.stop();
  });

  it('collapses one head delivered to both receivers at once, redelivered with a new id, into one job', async () => {
    const head = 'a'.repeat(40);
    const event = pullRequestEvent('synchronize', 7, head, '2026-01-01T00:00:00Z');
    const results = await Promise.all([receivers[0]!.enqueue(delivery('d1', event)), receivers[1]!.enqueue(delivery('d1', event)), receivers[1]!.enqueue(delivery('d2', event))]);
    expect(results).toEqual(['queued', 'queued', 'queued']);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    expect((await queue.getJob(`acme/repo#7@${head}`))!.data.delivery.id).toBe('d1');
  });

  it('queues nothing for events that start no review', async () => {
    const closed = { ...pullRequestEvent('closed', 7, 'b'.repeat(40)) };
    expect(await receivers[0]!.enqueue(delivery('d3', closed))).toBe('not-a-review');
    expect(await receivers[0]!.enqueue(delivery('d4', { action: 'requested', check_suite: { head_sha: 'b'.repeat(40) } }, 'check_suite'))).toBe('not-a-review');
    expect(await queue.count()).toBe(0);
  });

  it('queues each "Re-run" as its own job, never collapsed into the review it repeats', async () => {
    const rerun = { action: 'rerequested', repository: { name: 'repo', owner: { login: 'acme' } }, check_run: { head_sha: 'c'.repeat(40), name: 'diffsec' } };
    expect(await receivers[0]!.enqueue(delivery('r1', rerun, 'check_run'))).toBe('queued');
    expect(await receivers[1]!.enqueue(delivery('r2', rerun, 'check_run'))).toBe('queued');
    expect((await queue.getJobs(['waiting'])).map((j) => j.id).sort()).toEqual(['rerun-r1', 'rerun-r2']);
  });

  it('removes the waiting job of an older head when a newer head arrives at another receiver, and ignores an older head arriving late', async () => {
    const [older, newer] = ['1'.repeat(40), '2'.repeat(40)];
    await receivers[0]!.enqueue(delivery('o', pullRequestEvent('opened', 8, older, '2026-01-01T00:00:00Z')));
    await receivers[1]!.enqueue(delivery('n', pullRequestEvent('synchronize', 8, newer, '2026-01-01T00:05:00Z')));
    expect((await queue.getJobs(['waiting'])).map((j) => j.id)).toEqual([`acme/repo#8@${newer}`]);
    // A redelivery of the older head after the newer one: not reviewed.
    expect(await receivers[0]!.enqueue(delivery('o2', pullRequestEvent('opened', 8, older, '2026-01-01T00:00:00Z')))).toBe('older-head');
    expect((await queue.getJobs(['waiting'])).map((j) => j.id)).toEqual([`acme/repo#8@${newer}`]);
  });

  it('keeps, and marks as superseded, an older head\'s job whose check run is already open', async () => {
    const [older, newer] = ['3'.repeat(40), '4'.repeat(40)];
    await receivers[0]!.enqueue(delivery('o', pullRequestEvent('opened', 9, older, '2026-01-01T00:00:00Z')));
    // As a worker killed after opening the check run leaves it: the job back in the queue, its run recorded.
    const ledger = new JobLedger(client);
    await ledger.recordCheckRun(`acme/repo#9@${older}`, 4242);
    await receivers[1]!.enqueue(delivery('n', pullRequestEvent('synchronize', 9, newer, '2026-01-01T00:05:00Z')));
    expect((await queue.getJobs(['waiting'])).map((j) => j.id).sort()).toEqual([`acme/repo#9@${older}`, `acme/repo#9@${newer}`]);
    expect(await ledger.read(`acme/repo#9@${older}`)).toEqual({ checkRun: 4242, completed: false, supersededBy: newer });
    expect(await ledger.read(`acme/repo#9@${newer}`)).toEqual({ checkRun: null, completed: false, supersededBy: null });
  });
});
