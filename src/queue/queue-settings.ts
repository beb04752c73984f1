/** The BullMQ queue every receiver writes to and every worker reads from. */
export const REVIEW_QUEUE = 'diffsec-reviews';

/** How the queue behaves; each field can be set from the environment (see docs/deploy.md). */
export interface QueueSettings {
  redisUrl: string;
  /** Tries per job, the first included (DIFFSEC_QUEUE_ATTEMPTS, 3). */
  attempts: number;
  /** First wait before a retry, doubled each time (DIFFSEC_QUEUE_BACKOFF_MS, 10 s). */
  backoffMs: number;
  /** How long a worker holds a job without renewing its lock; a killed worker's job is retried after it (DIFFSEC_QUEUE_LOCK_MS, 30 s). */
  lockMs: number;
  /** How often workers look for jobs whose lock expired (DIFFSEC_QUEUE_STALLED_MS, 30 s). */
  stalledMs: number;
  /** Jobs one worker process runs at once (DIFFSEC_WORKER_CONCURRENCY, 4). */
  concurrency: number;
  /** How long finished jobs are kept, so a redelivery of a reviewed head collapses into them (DIFFSEC_QUEUE_KEEP_SECONDS, one day). */
  keepSeconds: number;
}

/** Reads the queue settings from the environment; REDIS_URL must be set. */
export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  if (!env.REDIS_URL) throw new Error('diffsec: REDIS_URL is not set; the review queue needs Redis');
  return {
    redisUrl: env.REDIS_URL,
    attempts: positive(env.DIFFSEC_QUEUE_ATTEMPTS, 3),
    backoffMs: positive(env.DIFFSEC_QUEUE_BACKOFF_MS, 10_000),
    lockMs: positive(env.DIFFSEC_QUEUE_LOCK_MS, 30_000),
    stalledMs: positive(env.DIFFSEC_QUEUE_STALLED_MS, 30_000),
    concurrency: positive(env.DIFFSEC_WORKER_CONCURRENCY, 4),
    keepSeconds: positive(env.DIFFSEC_QUEUE_KEEP_SECONDS, 86_400),
  };
}

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= 1 ? value : fallback;
}
