import type { Probot } from 'probot';
import { CHECK_NAME, completion } from '../github/check-run.js';
import { withRetries } from '../github/with-retries.js';
import type { WebhookDelivery } from '../server/parse-webhook.js';
import type { JobLedger } from './job-ledger.js';

interface Payload {
  installation?: { id?: number };
  repository?: { name?: string; owner?: { login?: string } };
  pull_request?: { number?: number; head?: { sha?: string } };
  check_run?: { head_sha?: string; external_id?: string };
  check_suite?: { head_sha?: string };
}

/** The check a job settles when it does not run a review: its conclusion and what it says. */
export interface JobCheckOutcome {
  conclusion: 'neutral' | 'failure';
  title: string;
  summary: string;
}

/**
 * Completes the `diffsec` check of a job that ends without a review (it gave up, or a newer head
 * superseded it): the run an attempt opened, if the ledger has one, else a new run created
 * completed on the job's head — so a head whose review could not even start still shows why.
 * Does nothing for a job whose check is already completed, or whose delivery names no
 * installation (the app could not authenticate for it).
 */
export async function completeJobCheck(probot: Probot, ledger: JobLedger, jobId: string, delivery: WebhookDelivery, outcome: JobCheckOutcome): Promise<'completed' | 'nothing-to-do'> {
  const record = await ledger.read(jobId);
  const payload = delivery.payload as Payload;
  const installation = payload.installation?.id;
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  const headSha = payload.pull_request?.head?.sha ?? payload.check_run?.head_sha ?? payload.check_suite?.head_sha;
  if (record.completed || !installation || !owner || !repo || !headSha) return 'nothing-to-do';
  const octokit = await probot.auth(installation);
  const completed = completion(outcome.conclusion, outcome.title, outcome.summary);
  if (record.checkRun !== null) {
    await withRetries(() => octokit.rest.checks.update({ owner, repo, check_run_id: record.checkRun!, ...completed }));
  } else {
    const number = payload.pull_request?.number ?? (Number(payload.check_run?.external_id) || undefined);
    await withRetries(() => octokit.rest.checks.create({ owner, repo, name: CHECK_NAME, head_sha: headSha, ...(number ? { external_id: String(number) } : {}), ...completed }));
  }
  await ledger.markCompleted(jobId);
  return 'completed';
}
