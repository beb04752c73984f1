import type { ProbotOctokit } from 'probot';

/** An installation's Octokit and how many API calls went through it (for the log line and benchmarks). */
export interface GitHubClient {
  octokit: InstanceType<typeof ProbotOctokit>;
  calls: () => number;
}

/** Wraps an Octokit so that every request it makes is counted. */
export function countingClient(octokit: InstanceType<typeof ProbotOctokit>): GitHubClient {
  let calls = 0;
  octokit.hook.before('request', () => {
    calls++;
  });
  return { octokit, calls: () => calls };
}
