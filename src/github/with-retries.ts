/** How long to wait, in milliseconds; tests pass a recorder instead of a real timer. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

const MAX_ATTEMPTS = 4;
/** Longer waits are not sat through inside a webhook: the failure is reported in the check run. */
const MAX_WAIT_MS = 60_000;

/**
 * How long to wait before retrying a failed GitHub call, or null when retrying cannot help.
 * Secondary rate limits (403/429 with `retry-after`, or saying "secondary rate limit") wait as
 * told; an exhausted primary limit waits for `x-ratelimit-reset`; 5xx back off exponentially.
 * 406 (diff too large) and 422 (rejected input) are deterministic: never retried.
 */
export function retryDelay(error: unknown, attempt: number, now = Date.now()): number | null {
  const e = error as HttpError;
  const status = e?.status;
  const headers = e?.response?.headers ?? {};
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']) * 1000;
      return Number.isFinite(reset) ? Math.max(0, reset - now) : 60_000;
    }
    if (/secondary rate limit/i.test(e.message ?? '')) return 60_000 * 2 ** (attempt - 1);
    return null;
  }
  if (status !== undefined && status >= 500) return 1000 * 2 ** (attempt - 1);
  return null;
}

/**
 * Runs a GitHub call, retrying rate limits and server errors a few times (Probot's throttle
 * plugin only logs secondary rate limits). Throws the last error when retrying cannot help.
 */
export async function withRetries<T>(call: () => Promise<T>, sleep: Sleep = realSleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt < MAX_ATTEMPTS ? retryDelay(error, attempt) : null;
      if (delay === null || delay > MAX_WAIT_MS) throw error;
      await sleep(delay);
    }
  }
}
