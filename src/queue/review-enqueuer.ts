import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { WebhookDelivery } from '../server/parse-webhook.js';
import type { ServerLog } from '../server/webhook-server.js';
import { JobLedger } from './job-ledger.js';
import { reviewJobKey, type ReviewJobData } from './review-job.js';
import { REVIEW_QUEUE, type QueueSettings } from './queue-settings.js';

/** What became of a delivery. */
export type Enqueued = 'queued' | 'not-a-review' | 'older-head';

/** States in which a job has not been taken by a worker (or was put back for a retry). */
const NOT_RUNNING = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The receiver's side of the queue: turns a verified delivery into a review job, one per pull
 * request head (BullMQ ignores a job whose id exists, so redeliveries and bursts collapse, across
 * any number of receivers). A newer head supersedes the older head's job: removed while no worker
 * has opened its check run, else marked so that its worker completes the check `neutral`.
 */
export class ReviewEnqueuer {
  readonly queue: Queue<ReviewJobData>;
  private readonly redis: Redis;
  private readonly ledger: JobLedger;

  constructor(
    private readonly settings: QueueSettings,
    private readonly log: ServerLog,
  ) {
    this.queue = new Queue<ReviewJobData>(REVIEW_QUEUE, { connection: { url: settings.redisUrl } });
    this.redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 3 });
    this.ledger = new JobLedger(this.redis);
  }

  /** Queues the delivery's review (if it starts one); throws when Redis cannot be reached. */
  async enqueue(delivery: WebhookDelivery): Promise<Enqueued> {
    const key = reviewJobKey(delivery);
    const fields = { delivery: delivery.id, event: delivery.name, job: key?.jobId };
    if (!key) return 'not-a-review';
    const newest = key.pull ? await this.ledger.newestHead(key.pull, key.updatedAt, key.jobId) : null;
    if (newest?.verdict === 'older') {
      this.log.info({ ...fields, newer: newest.other }, 'diffsec: a newer head of this pull request is already queued; this one is not reviewed');
      return 'older-head';
    }
    await this.queue.add('review', { delivery }, {
      jobId: key.jobId,
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: this.settings.keepSeconds },
      removeOnFail: { age: 7 * 86_400 },
    });
    this.log.info(fields, 'diffsec: review queued');
    if (newest?.verdict === 'replaces') await this.supersede(newest.other, key.headSha);
    return 'queued';
  }

  /** Stops writing to Redis. */
  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }

  private async supersede(jobId: string, headSha: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed' || state === 'unknown') return;
    // Marked first: a worker that takes the job from here on completes its check as superseded.
    await this.ledger.markSuperseded(jobId, headSha);
    if (!NOT_RUNNING.has(state) || (await this.ledger.read(jobId)).checkRun !== null) {
      this.log.info({ job: jobId, by: headSha }, 'diffsec: queued review superseded by a newer head; its check will be completed as neutral');
      return;
    }
    try {
      await job.remove();
      this.log.info({ job: jobId, by: headSha }, 'diffsec: queued review of an older head removed');
    } catch {
      // A worker took it meanwhile (BullMQ refuses to remove a locked job): the mark stands.
    }
  }
}
