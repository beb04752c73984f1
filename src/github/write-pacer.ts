import { realSleep, type Sleep } from './with-retries.js';

/** GitHub's published ceilings on content-creating requests (secondary rate limits). */
export const WRITES_PER_MINUTE = 80;
export const WRITES_PER_HOUR = 500;

interface Lane {
  /** The last write scheduled on this lane: writes of one key go one after another. */
  tail: Promise<unknown>;
  /** Start times of the writes of the last hour, oldest first. */
  starts: number[];
}

/**
 * Paces content-creating requests per key (an installation): one at a time, at most
 * `perMinute` in any minute and `perHour` in any hour, as GitHub's docs ask. Keys never wait for
 * each other, unlike Octokit's throttle plugin, whose write limiter spaces every write 1 s apart
 * (and, unkeyed, across the whole process). Nothing is retried here: that is withRetries' job.
 */
export class WritePacer {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly perMinute = WRITES_PER_MINUTE,
    private readonly perHour = WRITES_PER_HOUR,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `write` on `key`'s lane when the limits allow; resolves or rejects as `write` does. */
  schedule<T>(key: string, write: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), starts: [] };
    this.lanes.set(key, lane);
    const run = lane.tail.then(async () => {
      await this.waitForRoom(lane);
      lane.starts.push(this.now());
      return write();
    });
    lane.tail = run.catch(() => undefined);
    return run;
  }

  /** Writes started on `key` in the last hour (for tests and metrics). */
  recent(key: string): number {
    return this.lanes.get(key)?.starts.length ?? 0;
  }

  private async waitForRoom(lane: Lane): Promise<void> {
    for (;;) {
      const now = this.now();
      while (lane.starts.length && lane.starts[0]! <= now - 3_600_000) lane.starts.shift();
      const lastMinute = lane.starts.filter((t) => t > now - 60_000);
      let wait = 0;
      if (lastMinute.length >= this.perMinute) wait = lastMinute[lastMinute.length - this.perMinute]! + 60_000 - now;
      if (lane.starts.length >= this.perHour) wait = Math.max(wait, lane.starts[lane.starts.length - this.perHour]! + 3_600_000 - now);
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }
}

/**
 * True for the requests GitHub counts as content-creating: anything but GET/HEAD, except the
 * token exchange and GraphQL queries (reads sent with POST).
 */
export function isContentWrite(method: string, url: string, body?: unknown): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return false;
  if (/\/app\/installations\/[^/]+\/access_tokens$/.test(url)) return false;
  if (/\/graphql$/.test(url)) return typeof (body as { query?: unknown })?.query === 'string' && /^\s*mutation\b/.test((body as { query: string }).query);
  return true;
}
