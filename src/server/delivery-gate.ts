import type { WebhookDelivery } from './parse-webhook.js';

/** Why a delivery is handled or not. */
export type Admission = 'handle' | 'duplicate-delivery' | 'same-head-in-progress' | 'same-head-done';

/** Events that start a review of a pull request's head. */
const REVIEW_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review']);

/**
 * Lets each delivery through once, and each pull request head's review once: GitHub redelivers
 * (same X-GitHub-Delivery), people press "Redeliver" (new id, same head) and a burst of
 * synchronize events can name one head twenty times. Remembers the last `capacity` delivery ids
 * and heads; a "Re-run" (check_run / check_suite rerequested) is never held back.
 */
export class DeliveryGate {
  private readonly deliveries = new Map<string, true>();
  private readonly heads = new Map<string, 'in-progress' | 'done'>();

  constructor(private readonly capacity = 10_000) {}

  /** Decides for one delivery; when it returns 'handle', call `finished` once it has been handled. */
  admit(delivery: WebhookDelivery): Admission {
    if (this.deliveries.has(delivery.id)) return 'duplicate-delivery';
    remember(this.deliveries, delivery.id, true, this.capacity);
    const head = headKey(delivery);
    if (head === null) return 'handle';
    const state = this.heads.get(head);
    if (state === 'in-progress') return 'same-head-in-progress';
    if (state === 'done') return 'same-head-done';
    remember(this.heads, head, 'in-progress', this.capacity);
    return 'handle';
  }

  /** Forgets a delivery id, so the same delivery sent again is let through (it was refused, not handled). */
  forgetDelivery(delivery: WebhookDelivery): void {
    this.deliveries.delete(delivery.id);
  }

  /** Marks a delivery's head reviewed (or, when it failed before a check run was completed, free to try again). */
  finished(delivery: WebhookDelivery, succeeded: boolean): void {
    const head = headKey(delivery);
    if (head === null) return;
    if (succeeded) this.heads.set(head, 'done');
    else this.heads.delete(head);
  }
}

/** `owner/repo#number@sha` for a pull_request event that starts a review, else null. */
function headKey(delivery: WebhookDelivery): string | null {
  if (delivery.name !== 'pull_request') return null;
  const payload = delivery.payload as { action?: string; repository?: { name?: string; owner?: { login?: string } }; pull_request?: { number?: number; draft?: boolean; head?: { sha?: string } } };
  if (!REVIEW_ACTIONS.has(payload.action ?? '')) return null;
  const pr = payload.pull_request;
  // A draft's head is usually not reviewed: "ready for review" on the same head must still be.
  return `${payload.repository?.owner?.login}/${payload.repository?.name}#${pr?.number}@${pr?.head?.sha}${pr?.draft ? ':draft' : ''}`;
}

/** Inserts into an insertion-ordered map, forgetting the oldest entry past `capacity`. */
function remember<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) map.delete(map.keys().next().value!);
}
