/** Why a review stopped before it finished: a newer head of its pull request, or its time bound. */
export class ReviewStopped extends Error {
  constructor(
    message: string,
    readonly kind: 'superseded' | 'timed-out',
    /** For 'superseded': the head that replaced the reviewed one. */
    readonly bySha?: string,
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
