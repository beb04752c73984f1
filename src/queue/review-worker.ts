import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Probot } from 'probot';
import { describe } from '../github/github-source.js';
import { escapeMarkdown } from '../report/markdown-escape.js';
import type { ServerLog } from '../server/webhook-server.js';
import { completeJobCheck } from './complete-job-check.js';
import { currentJob } from './current-job.js';
import { JobLedger } from './job-ledger.js';
import type { ReviewJobData } from './review-job.js';
import { REVIEW_QUEUE, type QueueSettings } from './queue-settings.js';

/** How a job ended, as BullMQ keeps it (`returnvalue`). */
export type JobResult = 'reviewed' | 'superseded' | 'already-completed';

/** A running worker process's consumer. */
export interface ReviewWorker {
  worker: Worker<ReviewJobData, JobResult>;
  /** Stops taking jobs and waits for the running ones, `graceMs` at most; true when all finished. */
  close(graceMs: number): Promise<boolean>;
}

/**
 * Consumes the review queue: each job's delivery goes to Probot's `receive`, i.e. to the same
 * diffsecApp handlers and reviewPullRequest as in a single process. A job superseded by a newer
 * head completes its open check `neutral` instead. A job that throws is retried with exponential
 * backoff; on its last attempt — or when BullMQ fails it for stalling too often (its workers
 * keep dying) — its check is completed `failure` with the reason, and BullMQ keeps it in the
 * failed set with that reason. A killed worker's job is taken again by another once its lock
 * expires, and reopens the check run the dead one opened (see adoptCheckRuns).
 */
export function startReviewWorker(probot: Probot, settings: QueueSettings, log: ServerLog): ReviewWorker {
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 3 });
  const ledger = new JobLedger(redis);

  const giveUp = async (jobId: string, data: ReviewJobData, reason: string, attempts: number) => {
    if (!(await ledger.claimGivingUp(jobId))) return;
    const outcome = {
      conclusion: 'failure' as const,
      title: 'diffsec could not finish',
      summary: `diffsec gave up on this review after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${escapeMarkdown(reason)}\n\nPress "Re-run" on this check, or push a new commit, to review it again.`,
    };
    try {
      const done = await completeJobCheck(probot, ledger, jobId, data.delivery, outcome);
      log.warn({ job: jobId, delivery: data.delivery.id, reason, check: done }, 'diffsec: review job gave up; its check is completed as failed');
    } catch (error) {
      log.error({ job: jobId, delivery: data.delivery.id, reason, error: describe(error) }, 'diffsec: review job gave up and its check could not be completed');
    }
  };

  const processor = async (job: Job<ReviewJobData, JobResult>): Promise<JobResult> => {
    const jobId = job.id!;
    const { delivery } = job.data;
    const fields = { job: jobId, delivery: delivery.id, attempt: job.attemptsMade + 1, worker: process.pid };
    const record = await ledger.read(jobId);
    if (record.completed) {
      log.info(fields, 'diffsec: check already completed by an earlier attempt of this job');
      return 'already-completed';
    }
    if (record.supersededBy) {
      if (record.checkRun !== null) {
        const sha = record.supersededBy.slice(0, 7);
        await completeJobCheck(probot, ledger, jobId, delivery, { conclusion: 'neutral', title: 'Superseded by a newer push', summary: `Superseded by ${sha}: a newer commit was pushed to this pull request before this one was reviewed; ${sha} is reviewed instead.` });
      }
      log.info({ ...fields, by: record.supersededBy }, 'diffsec: review job superseded by a newer head');
      return 'superseded';
    }
    log.info(fields, 'diffsec: review job started');
    try {
      await currentJob.run({ jobId, ledger }, () => probot.receive(delivery as never));
      return 'reviewed';
    } catch (error) {
      const reason = failureReason(error);
      log.warn({ ...fields, reason }, 'diffsec: review job failed');
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) await giveUp(jobId, job.data, reason, attempts);
      throw new Error(reason);
    }
  };

  const worker = new Worker<ReviewJobData, JobResult>(REVIEW_QUEUE, processor, {
    connection: { url: settings.redisUrl },
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledMs,
    maxStalledCount: 1,
  });
  worker.on('error', (error) => log.error({ error: describe(error) }, 'diffsec: queue worker error'));

  // A job whose workers died more than once is failed by BullMQ without running the processor: settle its check here too.
  worker.on('failed', (job, error) => {
    if (!job) return;
    void (async () => {
      if (await job.isFailed()) await giveUp(job.id!, job.data, error.message, job.opts.attempts ?? 1);
    })().catch((e: unknown) => log.error({ job: job.id, error: describe(e) }, 'diffsec: could not settle a failed job'));
  });

  return {
    worker,
    async close(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const finished = worker.close().then(() => true as const);
      const drained = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      redis.disconnect();
      return drained;
    },
  };
}

/** One line saying why a job failed: each handler error Probot gathered, with its HTTP status. */
function failureReason(error: unknown): string {
  const errors = error instanceof AggregateError && error.errors.length ? error.errors : [error];
  return errors.map(describe).join('; ').slice(0, 500);
}
