/** How long one GitHub API call may take before it is abandoned (and retried by withRetries). */
export const API_CALL_TIMEOUT_MS = 30_000;

/**
 * `fetch` with a deadline per request, for Octokit's `request.fetch`: a connection that hangs ends
 * in an error after `timeoutMs` (Octokit reports it as a 500, which diffsec's one retry layer
 * retries a bounded number of times) instead of holding a check run in progress for Node's
 * 5-minute header timeout or longer.
 */
export function timedFetch(timeoutMs = API_CALL_TIMEOUT_MS, base: typeof fetch = fetch): typeof fetch {
  return (input, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return base(input, { ...init, signal });
  };
}
