import { Redis } from 'ioredis';
import { ProbotOctokit } from 'probot';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { adoptCheckRuns } from '../../src/queue/adopt-check-runs.js';
import { currentJob } from '../../src/queue/current-job.js';
import { JobLedger } from '../../src/queue/job-ledger.js';
import { redisServerBinary, startRedis, type TestRedis } from './redis-server.js';

const binary = redisServerBinary();
if (!binary) console.warn('test/queue: redis-server is not installed, so the Redis queue tests are SKIPPED (.ci/run installs it: apt-get install redis-server)');
const suite = binary ? describe : describe.skip;

suite('adoptCheckRuns', () => {
  let redis: TestRedis;
  let client: Redis;
  let github: GitHubApiDouble;
  let octokit: InstanceType<typeof ProbotOctokit>;
  const open = () => octokit.rest.checks.create({ owner: 'acme', repo: 'repo', name: 'diffsec', head_sha: 'f'.repeat(40), status: 'in_progress', external_id: '1' });

  beforeAll(async () => {
    redis = await startRedis(binary!);
    client = new Redis(redis.url);
    github = new GitHubApiDouble('acme', 'repo');
    await github.start();
    const Octokit = ProbotOctokit.plugin(adoptCheckRuns);
    octokit = new Octokit({ auth: 'token', baseUrl: github.url, throttle: { enabled: false }, retry: { enabled: false } } as never);
  });
  afterAll(async () => {
    client?.disconnect();
    await github?.stop();
    await redis?.stop();
  });

  it('lets requests outside a job through unchanged', async () => {
    await open();
    await open();
    expect(github.checkRuns.size).toBe(2);
  });

  it('reopens, in a later attempt of the same job, the check run an earlier attempt opened, and records its completion', async () => {
    const ledger = new JobLedger(client);
    const before = github.checkRuns.size;
    const first = await currentJob.run({ jobId: 'job-1', ledger }, open);
    const second = await currentJob.run({ jobId: 'job-1', ledger }, open);
    expect(second.data.id).toBe(first.data.id);
    expect(github.checkRuns.size).toBe(before + 1);
    expect(github.calls().slice(-2)).toEqual(['POST /repos/acme/repo/check-runs', `PATCH /repos/acme/repo/check-runs/${first.data.id}`]);
    expect(await ledger.read('job-1')).toEqual({ checkRun: first.data.id, completed: false, supersededBy: null });

    await currentJob.run({ jobId: 'job-1', ledger }, () => octokit.rest.checks.update({ owner: 'acme', repo: 'repo', check_run_id: first.data.id, status: 'completed', conclusion: 'success' }));
    expect((await ledger.read('job-1')).completed).toBe(true);
    // Another job opens its own run.
    const other = await currentJob.run({ jobId: 'job-2', ledger }, open);
    expect(other.data.id).not.toBe(first.data.id);
  });
});
