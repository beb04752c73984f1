/** Why a review stopped before it finished: a newer head of its pull request, its time bound, or a shutdown. */
export class ReviewStopped extends Error {
  constructor(
    message: string,
    readonly kind: 'superseded' | 'timed-out' | 'interrupted',
    /** For 'superseded': the head that replaced the reviewed one. */
    readonly bySha?: string,
    /** For 'interrupted': the signal that stopped the process. */
    readonly signal?: string,
  ) {
    super(message);
    this.name = 'ReviewStopped';
  }
}

/** A newer push replaced the head under review: its review must post nothing. */
export function superseded(bySha: string): ReviewStopped {
  return new ReviewStopped(`superseded by ${bySha}`, 'superseded', bySha);
}

/** The review ran past DIFFSEC_REVIEW_TIMEOUT_SECONDS. */
export function timedOut(ms: number): ReviewStopped {
  return new ReviewStopped(`the review took longer than its ${Math.round(ms / 1000)} s bound (DIFFSEC_REVIEW_TIMEOUT_SECONDS)`, 'timed-out');
}

/** The process is shutting down past its grace period: the check says how to run the review again. */
export function interrupted(signal: string): ReviewStopped {
  return new ReviewStopped(`diffsec was stopped (${signal}) before it finished this review`, 'interrupted', undefined, signal);
}

/** The summary of a check whose review was interrupted: what happened and how to run it again. */
export function interruptedSummary(signal: string, headSha: string): string {
  return `diffsec was stopped (${signal}) before it finished reviewing ${headSha.slice(0, 7)}. Press "Re-run" on this check, or push a new commit, to review it again.`;
}
