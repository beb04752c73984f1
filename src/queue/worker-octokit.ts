import { ProbotOctokit } from 'probot';
import { adoptCheckRuns } from './adopt-check-runs.js';

interface OctokitOptions {
  auth?: { installationId?: number | string };
  throttle?: { enabled?: boolean; id?: string };
  [key: string]: unknown;
}

/**
 * The Octokit class a worker gives Probot. Retries are off (withRetries is the one retry layer, as
 * in the receiver). Jobs reopen their own check runs (adoptCheckRuns). And Probot's throttling is
 * keyed by installation: Probot builds an event's Octokit with the throttle id "no-id", so every
 * installation's writes would wait in one 1-per-second limiter — with REDIS_URL, one for the
 * whole cluster, and a second worker would review no faster. GitHub's limits are per token: keyed
 * by installation, the limiters live in Redis (Bottleneck's IORedisConnection) and every worker
 * shares each installation's.
 */
export function workerOctokit() {
  return ProbotOctokit.plugin(adoptCheckRuns).defaults((options: OctokitOptions) => {
    const installation = options.auth?.installationId;
    const throttle = options.throttle && options.throttle.enabled !== false && installation !== undefined ? { ...options.throttle, id: `installation-${installation}` } : options.throttle;
    return { ...options, retry: { enabled: false }, ...(throttle ? { throttle } : {}) };
  });
}
