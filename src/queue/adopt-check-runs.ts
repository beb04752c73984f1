import type { ProbotOctokit } from 'probot';
import { CHECK_NAME } from '../github/check-run.js';
import { currentJob } from './current-job.js';

type Octokit = InstanceType<typeof ProbotOctokit>;
type Options = Record<string, unknown> & { method: string; url: string };

const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';

/**
 * An Octokit plugin for workers: within a queue job, the `diffsec` check run an attempt opens is
 * recorded in the job ledger, and a later attempt of the same job (after its worker was killed,
 * or a retry) reopens that run instead of creating a second one; completing it is recorded too.
 * So a head gets one check run, completed once, however many attempts it took — without the
 * review code knowing it runs in a queue. Outside a job, requests pass unchanged.
 */
export function adoptCheckRuns(octokit: Pick<Octokit, 'hook' | 'request'>): void {
  octokit.hook.wrap('request', async (request, options) => {
    const job = currentJob.getStore();
    const o = options as unknown as Options;
    const route = `${o.method} ${o.url}`;
    if (!job || (route !== CREATE && route !== UPDATE)) return request(options);
    if (route === CREATE && o.name === CHECK_NAME && o.status !== 'completed') {
      const { checkRun } = await job.ledger.read(job.jobId);
      if (checkRun !== null) {
        // A new request through the whole chain: a wrap cannot change the options inner hooks were bound to.
        const { owner, repo, name, status, started_at, external_id } = o as Record<string, string>;
        return octokit.request(UPDATE, { owner, repo, check_run_id: checkRun, name, status, started_at, external_id } as never) as never;
      }
      const response = await request(options);
      const id = (response.data as { id?: unknown })?.id;
      if (typeof id === 'number') await job.ledger.recordCheckRun(job.jobId, id);
      return response;
    }
    const response = await request(options);
    if (o.status === 'completed' && (route === UPDATE || o.name === CHECK_NAME)) await job.ledger.markCompleted(job.jobId);
    return response;
  });
}
