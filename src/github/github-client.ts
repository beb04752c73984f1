import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProbotOctokit } from 'probot';
import type { DiffsecMetrics } from '../metrics/metrics.js';
import { isContentWrite, type WritePacer } from './write-pacer.js';

/** An installation's Octokit and how many API calls went through it (for the log line and benchmarks). */
export interface GitHubClient {
  octokit: InstanceType<typeof ProbotOctokit>;
  calls: () => number;
  /** Aborted when the review must stop (superseded, over its time bound); absent on bare clients. */
  signal?: AbortSignal;
  /** Stops the review's GitHub work: every later request but a check-run write throws `reason`. */
  abort?: (reason: Error) => void;
}

export interface ClientOptions {
  /** Paces content-creating requests, keyed by `paceKey` (the installation). */
  pacer?: WritePacer;
  paceKey?: string;
  metrics?: DiffsecMetrics;
}

/** Set while a paced write runs: a request an inner hook sends from inside it (e.g. the queue's
 * check-run adoption turning a create into an update) is part of that write, and must not wait
 * for the lane the write itself holds. */
const insidePacedWrite = new AsyncLocalStorage<true>();

/**
 * Wraps an installation's Octokit for one review: counts every request (and, with `metrics`,
 * records its status), paces its writes on the installation's lane, and can be aborted. After
 * `abort`, a request in flight is cancelled and no new request is sent, except writes to check
 * runs: those are what completes the check, so an aborted review still ends with a completed one.
 */
export function countingClient(octokit: InstanceType<typeof ProbotOctokit>, options: ClientOptions = {}): GitHubClient {
  let calls = 0;
  const controller = new AbortController();
  octokit.hook.wrap('request', async (request, endpoint) => {
    calls++;
    const method = String(endpoint.method ?? 'GET');
    const url = String(endpoint.url ?? '');
    const completesCheck = method !== 'GET' && /\/check-runs(?:\/[^/]+)?$/.test(url);
    const send = async () => {
      if (controller.signal.aborted && !completesCheck) throw controller.signal.reason;
      if (!completesCheck) {
        const own = (endpoint.request as { signal?: AbortSignal } | undefined)?.signal;
        endpoint.request = { ...endpoint.request, signal: own ? AbortSignal.any([own, controller.signal]) : controller.signal };
      }
      return request(endpoint);
    };
    try {
      const write = options.pacer && isContentWrite(method, url, endpoint) && !insidePacedWrite.getStore();
      const response = await (write ? options.pacer!.schedule(options.paceKey ?? 'default', () => insidePacedWrite.run(true, send)) : send());
      options.metrics?.apiRequest(method, response.status);
      return response;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (!controller.signal.aborted || completesCheck) options.metrics?.apiRequest(method, typeof status === 'number' ? status : 0);
      // A request cut by abort() fails with an AbortError inside a 500: report the reason instead.
      throw controller.signal.aborted && !completesCheck ? controller.signal.reason : error;
    }
  });
  return {
    octokit,
    calls: () => calls,
    signal: controller.signal,
    abort: (reason) => {
      if (!controller.signal.aborted) controller.abort(reason);
    },
  };
}
