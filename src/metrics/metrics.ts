import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a review ended, as counted in `diffsec_reviews_total{outcome}`. */
export type ReviewOutcome = 'success' | 'failure' | 'neutral' | 'superseded' | 'timed-out' | 'error' | 'interrupted' | 'draft-skipped';

/**
 * diffsec's Prometheus metrics, in a registry of their own (one per process in production, one
 * per test): reviews by outcome and their duration, GitHub API calls by status, reviews in flight
 * and deliveries waiting, files skipped by reason, stale check runs completed by the sweep.
 */
export class DiffsecMetrics {
  readonly registry = new Registry();
  private readonly reviews = new Counter({ name: 'diffsec_reviews_total', help: 'Reviews of a pull request head, by how they ended.', labelNames: ['outcome'] as const, registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'diffsec_review_duration_seconds',
    help: 'Time from the start of a review to its completed check run.',
    labelNames: ['outcome'] as const,
    buckets: [0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120, 300],
    registers: [this.registry],
  });
  private readonly api = new Counter({ name: 'diffsec_github_requests_total', help: 'GitHub API requests, by method and HTTP status (0: no answer, e.g. a timeout).', labelNames: ['method', 'status'] as const, registers: [this.registry] });
  private readonly apiFailures = new Counter({ name: 'diffsec_github_request_failures_total', help: 'GitHub API requests that failed (status >= 400 or no answer), by status.', labelNames: ['status'] as const, registers: [this.registry] });
  private readonly skipped = new Counter({ name: 'diffsec_files_skipped_total', help: 'Changed files not analysed, by reason.', labelNames: ['reason'] as const, registers: [this.registry] });
  private readonly swept = new Counter({ name: 'diffsec_stale_check_runs_completed_total', help: 'Check runs left in progress (crash, kill -9) that the sweep completed.', registers: [this.registry] });
  private readonly inFlight = new Gauge({ name: 'diffsec_reviews_in_flight', help: 'Reviews running now.', registers: [this.registry] });
  private readDeliveries: () => number = () => 0;
  private readonly waiting: Gauge = new Gauge({
    name: 'diffsec_deliveries_in_flight',
    help: 'Deliveries accepted and not yet handled (the in-process queue depth).',
    registers: [this.registry],
    collect: (): void => this.waiting.set(this.readDeliveries()),
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    // Process metrics (RSS, event loop lag, GC) only where asked: tests build many registries.
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Marks a review started; call the returned function once with its outcome. */
  reviewStarted(): (outcome: ReviewOutcome) => void {
    const stop = this.duration.startTimer();
    this.inFlight.inc();
    let done = false;
    return (outcome) => {
      if (done) return;
      done = true;
      this.inFlight.dec();
      this.reviews.inc({ outcome });
      stop({ outcome });
    };
  }

  /** Counts one GitHub API request; `status` 0 when no answer came. */
  apiRequest(method: string, status: number): void {
    this.api.inc({ method, status: String(status) });
    if (status === 0 || status >= 400) this.apiFailures.inc({ status: String(status) });
  }

  /** Counts a file not analysed; the free-text reason is folded into a few stable labels. */
  fileSkipped(reason: string): void {
    this.skipped.inc({ reason: skipLabel(reason) });
  }

  staleCheckRunCompleted(): void {
    this.swept.inc();
  }

  /** Reads the number of deliveries waiting at each scrape. */
  trackDeliveries(read: () => number): void {
    this.readDeliveries = read;
  }

  /** The exposition text and its content type, for `GET /metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** A small, fixed set of label values: free text (paths, sizes) would explode the series count. */
export function skipLabel(reason: string): string {
  const r = reason.toLowerCase();
  if (r.startsWith('removed')) return 'removed';
  if (r.startsWith('vendored')) return 'vendored';
  if (r.startsWith('generated')) return 'generated';
  if (r.includes('binary')) return 'binary';
  if (r.includes('time budget')) return 'time-budget';
  if (r.includes('findings')) return 'finding-cap';
  if (r.startsWith('analysis failed')) return 'analysis-failed';
  if (r.includes('not found') || r.includes('truncated')) return 'unreadable';
  if (r.includes('too large') || r.includes('bytes') || r.includes('size')) return 'too-large';
  if (r.includes('encod') || r.includes('utf') || r.includes('decode')) return 'encoding';
  return 'other';
}
