// The app's entry (`npm start`, the Docker CMD): Probot's app in diffsec's own webhook server.
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { createProbot, ProbotOctokit, run } from 'probot';
import { diffsecApp, reviewTimeoutMs } from '../github/app.js';
import { OpenCheckRuns } from '../github/open-check-runs.js';
import { sweepStaleCheckRuns } from '../github/sweep-stale-check-runs.js';
import { DiffsecMetrics } from '../metrics/metrics.js';
import { canUseScanPool, ScanPool } from '../analysis/scan-pool.js';
import { bundledRulesDir } from '../package-root.js';
import { loadRules } from '../rules/load-rules.js';
import { queueSettings } from '../queue/queue-settings.js';
import { ReviewEnqueuer } from '../queue/review-enqueuer.js';
import { timedFetch } from './timed-fetch.js';
import { createWebhookServer } from './webhook-server.js';

// `.env` as the registration flow writes it; variables already set take precedence.
try {
  process.loadEnvFile();
} catch {
  // No .env: the environment alone configures the app.
}
const env = process.env;

if (!env.APP_ID) {
  // Not registered yet: Probot's own server serves its "register a GitHub App" page from app.yml.
  await run(diffsecApp());
} else {
  if (!env.WEBHOOK_SECRET) throw new Error('diffsec: WEBHOOK_SECRET is not set; refusing to accept unsigned webhooks');
  const openCheckRuns = new OpenCheckRuns();
  const rules = loadRules(bundledRulesDir());
  // Files are scanned in other processes, so the webhook server answers while a hostile file is scanned.
  const jobs = Number(env.DIFFSEC_JOBS);
  const pool = canUseScanPool() && !env.REDIS_URL ? new ScanPool(rules, Number.isInteger(jobs) && jobs >= 1 ? jobs : Math.min(availableParallelism(), 2)) : null;
  const metrics = new DiffsecMetrics({ defaultMetrics: true });
  const reviewBoundMs = reviewTimeoutMs(env);
  const app = diffsecApp({ rules, openCheckRuns, metrics, reviewTimeoutMs: reviewBoundMs, ...(pool ? { pool } : {}) });
  const probot = createProbot({
    overrides: {
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
      // JSON lines unless asked for pretty ones: one object per line is what log pipelines read.
      logFormat: env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json',
      // Every call has a deadline; retries happen in one layer only (withRetries), so a failing
      // call is not sent 4 x 4 times: Probot's retry plugin is off, and so is its throttle plugin
      // (it retries primary rate limits itself, and its write limiter spaces writes 1 s apart);
      // writes are paced per installation by diffsec's WritePacer instead.
      request: { fetch: timedFetch() },
      Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    },
  });
  await probot.load(app);
  // With REDIS_URL this process only receives: reviews are queued for `npm run worker` processes.
  const queue = env.REDIS_URL ? new ReviewEnqueuer(queueSettings(env), probot.log) : null;
  const front = createWebhookServer({
    secret: env.WEBHOOK_SECRET,
    path: env.WEBHOOK_PATH || '/api/github/webhooks',
    log: probot.log,
    receive: queue ? async (delivery) => void (await queue.enqueue(delivery)) : (delivery) => probot.receive(delivery as never),
    // A receiver answers once the job is in Redis: with Redis down, GitHub records a failed delivery.
    acknowledgeAfterReceive: queue !== null,
    metrics: () => metrics.render(),
    maxConcurrent: Number(env.DIFFSEC_MAX_CONCURRENT_REVIEWS) > 0 ? Number(env.DIFFSEC_MAX_CONCURRENT_REVIEWS) : 8,
  });
  metrics.trackDeliveries(() => front.inFlight);
  const host = env.HOST || 'localhost';
  front.server.listen(env.PORT ? Number(env.PORT) : 3000, host, () => {
    const { port } = front.server.address() as AddressInfo;
    probot.log.info(`diffsec: listening on http://${host}:${port}`);
  });

  // Check runs left in progress by a process that died without a shutdown (kill -9, a crash, a
  // lost node): looked for at start-up and every few minutes, and completed as interrupted.
  const seconds = (name: string, fallback: number) => (Number(env[name]) > 0 ? Number(env[name]) : fallback);
  const sweepEveryMs = 1000 * seconds('DIFFSEC_SWEEP_INTERVAL_SECONDS', 300);
  const sweep = async () => {
    try {
      const result = await sweepStaleCheckRuns({
        appOctokit: () => probot.auth(),
        installationOctokit: (id) => probot.auth(id),
        appId: Number(env.APP_ID),
        staleAfterMs: 1000 * seconds('DIFFSEC_SWEEP_STALE_SECONDS', reviewBoundMs / 1000 + 120),
        lookbackMs: 3_600_000 * seconds('DIFFSEC_SWEEP_LOOKBACK_HOURS', 72),
        isRunningHere: (id) => openCheckRuns.has(id),
        log: probot.log,
        metrics,
      });
      probot.log.info(result, 'diffsec: stale-check sweep done');
    } catch (error) {
      probot.log.warn({ error: String((error as Error)?.message ?? error).split('\n')[0] }, 'diffsec: stale-check sweep failed; next one in a few minutes');
    }
  };
  const sweeping = env.DIFFSEC_SWEEP_INTERVAL_SECONDS === '0' ? null : setInterval(() => void sweep(), sweepEveryMs);
  sweeping?.unref();
  if (sweeping) void sweep();

  const graceMs = 1000 * (Number(env.DIFFSEC_SHUTDOWN_GRACE_SECONDS) || 20);
  const shutDown = async (signal: string) => {
    if (sweeping) clearInterval(sweeping);
    probot.log.info({ signal, inFlight: front.inFlight }, 'diffsec: shutting down');
    front.stopAccepting();
    front.server.close();
    const drained = await front.drain(graceMs);
    if (!drained) {
      const completed = await openCheckRuns.interruptAll(signal);
      probot.log.warn({ inFlight: front.inFlight, completed }, 'diffsec: grace period over; open check runs completed as interrupted');
    }
    await pool?.close();
    await queue?.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutDown('SIGTERM'));
  process.once('SIGINT', () => void shutDown('SIGINT'));
}

