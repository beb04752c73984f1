import type { WebhookDelivery } from '../server/parse-webhook.js';

/** What a review job carries: the verified delivery, handed to Probot's `receive` by a worker. */
export interface ReviewJobData {
  delivery: WebhookDelivery;
}

/** Where a job stands among the jobs of its pull request. */
export interface ReviewJobKey {
  /** BullMQ job id: one job per pull request head, so duplicate deliveries collapse into it. */
  jobId: string;
  /** `owner/repo#number` when the job reviews a pushed head (it may supersede an older head's job), else null. */
  pull: string | null;
  headSha: string;
  /** `pull_request.updated_at`, to tell which of two heads is newer when deliveries arrive out of order. */
  updatedAt: string;
}

/** pull_request actions that start a review (as diffsecApp handles them). */
const REVIEW_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review']);

interface Payload {
  action?: string;
  repository?: { name?: string; owner?: { login?: string } };
  pull_request?: { number?: number; state?: string; draft?: boolean; head?: { sha?: string }; updated_at?: string };
  check_run?: { head_sha?: string };
  check_suite?: { head_sha?: string };
}

/**
 * The job a delivery becomes, or null for events diffsec does not act on (acknowledged, not
 * queued). A push is keyed by repository, pull request and head (a draft apart, so "ready for
 * review" on the same head is still reviewed); a "Re-run" by its delivery id, so it is never
 * collapsed into the review it repeats. BullMQ forbids ':' in custom ids, so none is used.
 */
export function reviewJobKey(delivery: WebhookDelivery): ReviewJobKey | null {
  const payload = delivery.payload as Payload;
  const repo = `${payload.repository?.owner?.login}/${payload.repository?.name}`;
  if (delivery.name === 'pull_request') {
    const pr = payload.pull_request;
    if (!REVIEW_ACTIONS.has(payload.action ?? '') || pr?.state !== 'open') return null;
    const headSha = String(pr.head?.sha);
    return { jobId: `${repo}#${pr.number}@${headSha}${pr.draft ? '-draft' : ''}`, pull: `${repo}#${pr.number}`, headSha, updatedAt: pr.updated_at ?? '' };
  }
  if ((delivery.name === 'check_run' || delivery.name === 'check_suite') && payload.action === 'rerequested') {
    const headSha = String((delivery.name === 'check_run' ? payload.check_run : payload.check_suite)?.head_sha);
    return { jobId: `rerun-${delivery.id.replaceAll(':', '-')}`, pull: null, headSha, updatedAt: '' };
  }
  return null;
}
