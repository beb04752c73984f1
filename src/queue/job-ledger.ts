import type { Redis } from 'ioredis';

/** What the ledger knows of one job's check run. */
export interface JobRecord {
  /** The check run an attempt opened, adopted by the next attempt instead of opening another. */
  checkRun: number | null;
  /** The check run has been completed: a later attempt has nothing left to do. */
  completed: boolean;
  /** A newer head of the same pull request was queued: this job's check is completed `neutral`, not reviewed. */
  supersededBy: string | null;
}

/** How long the ledger remembers a job or a pull request's newest head. */
const TTL_SECONDS = 7 * 86_400;

/** Sets the pull request's newest head unless a newer one is known; answers the job it replaces, or why not. */
const NEWEST_HEAD = `
local current = redis.call('GET', KEYS[1])
local previous = false
if current then
  local space = string.find(current, ' ', 1, true)
  local at = string.sub(current, 1, space - 1)
  previous = string.sub(current, space + 1)
  if previous == ARGV[2] then return {'same', previous} end
  if at > ARGV[1] then return {'older', previous} end
end
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2], 'EX', ARGV[3])
if previous then return {'replaces', previous} end
return {'first', ''}
`;

/**
 * Per-job facts shared by every receiver and worker through Redis, beside BullMQ's own: the check
 * run a job opened (so a retry after a killed worker completes that run, not a second one),
 * whether it was completed, whether a newer head superseded the job, and each pull request's
 * newest head. Plain hash fields, each written by one SET-like command, so no read-modify-write
 * races between processes.
 */
export class JobLedger {
  constructor(private readonly redis: Redis) {}

  /** Records the check run a job's attempt opened. */
  async recordCheckRun(jobId: string, checkRunId: number): Promise<void> {
    await this.set(jobId, 'checkRun', String(checkRunId));
  }

  /** Records that the job's check run is completed. */
  async markCompleted(jobId: string): Promise<void> {
    await this.set(jobId, 'completed', '1');
  }

  /** Records that a newer head (`headSha`) supersedes the job. */
  async markSuperseded(jobId: string, headSha: string): Promise<void> {
    await this.set(jobId, 'supersededBy', headSha);
  }

  /** What is known of a job (nothing, for a job never started). */
  async read(jobId: string): Promise<JobRecord> {
    const fields = await this.redis.hgetall(key(jobId));
    const checkRun = Number(fields.checkRun);
    return { checkRun: Number.isInteger(checkRun) && checkRun > 0 ? checkRun : null, completed: fields.completed === '1', supersededBy: fields.supersededBy ?? null };
  }

  /** True for exactly one caller per job: the one that completes the check of a job that gave up. */
  async claimGivingUp(jobId: string): Promise<boolean> {
    const claimed = await this.redis.hsetnx(key(jobId), 'gaveUp', '1');
    await this.redis.expire(key(jobId), TTL_SECONDS);
    return claimed === 1;
  }

  /**
   * Makes `jobId` the newest head of `pull` unless a head updated later is already known.
   * 'replaces' names the job it supersedes; 'older' names the newer job that supersedes this one.
   */
  async newestHead(pull: string, updatedAt: string, jobId: string): Promise<{ verdict: 'first' | 'same' | 'replaces' | 'older'; other: string }> {
    const [verdict, other] = (await this.redis.eval(NEWEST_HEAD, 1, `diffsec:pull:${pull}`, updatedAt, jobId, String(TTL_SECONDS))) as [string, string];
    return { verdict: verdict as 'first' | 'same' | 'replaces' | 'older', other };
  }

  private async set(jobId: string, field: string, value: string): Promise<void> {
    await this.redis.multi().hset(key(jobId), field, value).expire(key(jobId), TTL_SECONDS).exec();
  }
}

function key(jobId: string): string {
  return `diffsec:job:${jobId}`;
}
