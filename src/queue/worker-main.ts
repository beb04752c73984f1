// The queue worker's entry (`npm run worker`, `node dist/src/queue/worker-main.js`): reviews the
// jobs that receivers (`npm start` with REDIS_URL) put on the queue. Run as many as needed.
import { availableParallelism } from 'node:os';
import { createProbot } from 'probot';
import { canUseScanPool, ScanPool } from '../analysis/scan-pool.js';
import { diffsecApp, reviewTimeoutMs } from '../github/app.js';
import { bundledRulesDir } from '../package-root.js';
import { loadRules } from '../rules/load-rules.js';
import { timedFetch } from '../server/timed-fetch.js';
import { queueSettings } from './queue-settings.js';
import { startReviewWorker } from './review-worker.js';
import { workerOctokit } from './worker-octokit.js';

try {
  process.loadEnvFile();
} catch {
  // No .env: the environment alone configures the worker.
}
const env = process.env;
if (!env.APP_ID) throw new Error('diffsec worker: APP_ID is not set; register the app first (npm start without REDIS_URL)');
const settings = queueSettings(env);
const rules = loadRules(bundledRulesDir());
const jobs = Number(env.DIFFSEC_JOBS);
const pool = canUseScanPool() ? new ScanPool(rules, Number.isInteger(jobs) && jobs >= 1 ? jobs : Math.min(availableParallelism(), 2)) : null;
// The receiver's Probot options (src/server/main.ts), with the worker's Octokit; REDIS_URL also
// makes Probot's throttling keep its rate-limit state in Redis, shared by every worker.
const probot = createProbot({
  overrides: {
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    logFormat: env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json',
    request: { fetch: timedFetch() },
    Octokit: workerOctokit(),
  },
});
// The same bound on a review's total time as the single-process app (DIFFSEC_REVIEW_TIMEOUT_SECONDS).
await probot.load(diffsecApp({ rules, reviewTimeoutMs: reviewTimeoutMs(env), ...(pool ? { pool } : {}) }));
const consumer = startReviewWorker(probot, settings, probot.log);
probot.log.info({ concurrency: settings.concurrency, worker: process.pid }, 'diffsec worker: consuming the review queue');

const graceMs = 1000 * (Number(env.DIFFSEC_SHUTDOWN_GRACE_SECONDS) || 20);
const shutDown = async (signal: string) => {
  probot.log.info({ signal }, 'diffsec worker: shutting down');
  // Jobs still running when the grace period ends keep their lock until it expires; then another
  // worker takes them and reopens their check run, so nothing is completed as interrupted here.
  const drained = await consumer.close(graceMs);
  if (!drained) probot.log.warn({ signal }, 'diffsec worker: grace period over; running jobs will be retried by another worker');
  await pool?.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutDown('SIGTERM'));
process.once('SIGINT', () => void shutDown('SIGINT'));
