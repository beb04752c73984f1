// Load test of the built app (dist/src/server/main.js) on loopback: N signed pull_request
// deliveries from C concurrent senders, the GitHub API double (dist) answering. Measures
// throughput, delivery → completed check latency (p50/p95/p99), peak memory and CPU of the app's
// process tree, and checks that every head got exactly one check run, completed once.
//
// Usage: npm run build && node bench/load/run.mjs [--n 500] [--c 50] [--installations 50]
//          [--small 1] [--big 300] [--big-every 10] [--dup 0] [--jobs 2] [--json]
// --serial: one pull request at a time (C=1), each sent once the previous check completed.
// --dup K: each delivery is also sent K more times (half with the same delivery id, half as a
// manual "redeliver" with a new id), all at once: still one check and one review per head.
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubApiDouble } from '../../dist/src/demo/github-api-double.js';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]]] : pairs), []),
);
const N = Number(args.n ?? 500);
const C = Number(args.c ?? 50);
const INSTALLATIONS = Number(args.installations ?? 50);
const SMALL = Number(args.small ?? 1);
const BIG = Number(args.big ?? 300);
const BIG_EVERY = Number(args['big-every'] ?? 10);
const DUP = Number(args.dup ?? 0);
const SECRET = 'load-secret';

// A Python file with one finding on a changed line, and a filler file with none.
const flagged = (i) => `import subprocess\n\n\ndef run_${i}(cmd):\n    return subprocess.call(cmd, shell=True)\n`;
const clean = (i) => `def add_${i}(a, b):\n    total = a + b\n    return total\n`;
const file = (path, text) => ({ path, status: 'added', patch: `@@ -0,0 +1,${text.split('\n').length - 1} @@\n${text.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}`, content: text });

const github = new GitHubApiDouble('acme', 'repo');
github.installations = Array.from({ length: INSTALLATIONS }, (_, i) => i + 1);
const heads = [];
for (let n = 1; n <= N; n++) {
  const count = BIG_EVERY > 0 && n % BIG_EVERY === 0 ? BIG : SMALL;
  const headSha = createHmac('sha1', 'head').update(String(n)).digest('hex');
  github.addPullRequest({ number: n, headSha, files: Array.from({ length: count }, (_, i) => (i === 0 ? file(`pkg/mod_${i}.py`, flagged(i)) : file(`pkg/mod_${i}.py`, clean(i)))) });
  heads.push({ n, headSha, files: count });
}
// An untimed first review warms the app up (scanning processes, the bot's login), as in service.
const warm = { n: N + 1, headSha: createHmac('sha1', 'head').update('warm-up').digest('hex'), files: SMALL };
github.addPullRequest({ number: warm.n, headSha: warm.headSha, files: [file('warm.py', flagged(0))] });
await github.start();

// Completion times, by head: watched on the double's record of check-run updates.
const completedAt = new Map();
const completions = new Map();
let seen = 0;
const watch = setInterval(() => {
  for (; seen < github.checkRunUpdates.length; seen++) {
    const update = github.checkRunUpdates[seen];
    if (update.body.status !== 'completed') continue;
    const sha = github.checkRuns.get(update.id)?.head_sha;
    completions.set(sha, (completions.get(sha) ?? 0) + 1);
    if (!completedAt.has(sha)) completedAt.set(sha, performance.now());
  }
}, 5);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const env = {
  PATH: process.env.PATH,
  APP_ID: '1',
  PRIVATE_KEY: privateKey,
  WEBHOOK_SECRET: SECRET,
  GITHUB_API_URL: github.url,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  LOG_FORMAT: 'json',
  DIFFSEC_SWEEP_INTERVAL_SECONDS: '0',
  ...(args.jobs ? { DIFFSEC_JOBS: args.jobs } : {}),
  ...(process.env.DIFFSEC_MAX_CONCURRENT_REVIEWS ? { DIFFSEC_MAX_CONCURRENT_REVIEWS: process.env.DIFFSEC_MAX_CONCURRENT_REVIEWS } : {}),
};
const app = spawn(process.execPath, ['dist/src/server/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let startup = '';
let errors = 0;
app.stdout.on('data', (c) => {
  startup += startup.length < 10_000 ? String(c) : '';
  errors += (String(c).match(/"level":50/g) ?? []).length;
});
app.stderr.on('data', (c) => (startup += String(c)));
for (let i = 0; i < 400 && !/listening on http:\/\/[^:]+:\d+/.test(startup); i++) await new Promise((r) => setTimeout(r, 50));
const port = Number(/listening on http:\/\/[^:]+:(\d+)/.exec(startup)?.[1]);
if (!port) throw new Error(`the app did not start:\n${startup}`);

// The app's process tree (it forks scanning processes): RSS sampled, CPU read at the end.
const tree = (pid) => {
  const kids = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) kids.push(...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {}
  return [pid, ...kids.flatMap(tree)];
};
const statusKb = (pid, field) => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};
const cpuSeconds = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};
let peakTreeKb = 0;
const sampler = setInterval(() => (peakTreeKb = Math.max(peakTreeKb, tree(app.pid).reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0))), 50);

const sign = (body) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const repository = { id: 1, name: 'repo', full_name: 'acme/repo', owner: { login: 'acme', id: 1, type: 'Organization' }, private: false, default_branch: 'main' };
async function send(id, head) {
  const payload = { action: 'opened', number: head.n, installation: { id: (head.n % INSTALLATIONS) + 1 }, repository, sender: { login: 'dev', id: 2, type: 'User' }, pull_request: { number: head.n, state: 'open', draft: false, head: { sha: head.headSha, repo: repository }, base: { sha: '0'.repeat(40), repo: repository } } };
  const body = JSON.stringify(payload);
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': sign(body) }, body });
      await response.arrayBuffer();
      return response.status;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

if (args.warmup !== '0') {
  await send('warm-up', warm);
  while (!completedAt.has(warm.headSha)) await new Promise((r) => setTimeout(r, 20));
}
const cpuBefore = tree(app.pid).reduce((s, pid) => s + cpuSeconds(pid), 0);
const cpuMainBefore = cpuSeconds(app.pid);
const requestsBefore = github.requests.length;
const sentAt = new Map();
const statuses = new Map();
const ackMs = [];
const queue = heads.map((h) => h);
const started = performance.now();
await Promise.all(
  Array.from({ length: C }, async () => {
    for (let head = queue.shift(); head; head = queue.shift()) {
      const t = performance.now();
      if (!sentAt.has(head.headSha)) sentAt.set(head.headSha, t);
      const copies = [send(`d-${head.n}`, head), ...Array.from({ length: DUP }, (_, k) => send(k % 2 ? `d-${head.n}` : `d-${head.n}-redeliver-${k}`, head))];
      for (const status of await Promise.all(copies)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      ackMs.push(performance.now() - t);
      // --serial: a lone pull request at a time, the next sent once the last one's check completed.
      if (args.serial) while (!completedAt.has(head.headSha)) await new Promise((r) => setTimeout(r, 5));
    }
  }),
);
const sentAll = performance.now();
const deadline = sentAll + Number(args.timeout ?? 600) * 1000;
while (completedAt.size < N && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const drained = performance.now();
// Let late duplicates show themselves, if any.
await new Promise((r) => setTimeout(r, 1000));
const cpu = tree(app.pid).reduce((s, pid) => s + cpuSeconds(pid), 0) - cpuBefore;
const cpuMain = cpuSeconds(app.pid) - cpuMainBefore;
clearInterval(sampler);
clearInterval(watch);
for (; seen < github.checkRunUpdates.length; seen++) {
  const update = github.checkRunUpdates[seen];
  if (update.body.status !== 'completed') continue;
  const sha = github.checkRuns.get(update.id)?.head_sha;
  completions.set(sha, (completions.get(sha) ?? 0) + 1);
}
const mainPeakKb = statusKb(app.pid, 'VmHWM');
const scraped = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
const metric = (name) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(scraped)?.[1]);
app.kill('SIGTERM');
await new Promise((r) => app.once('exit', r));
await github.stop();

const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);
const summary = (list) => {
  const ms = list.map((h) => completedAt.get(h.headSha) - sentAt.get(h.headSha)).filter(Number.isFinite).sort((a, b) => a - b);
  return { count: list.length, p50: Math.round(pct(ms, 50)), p95: Math.round(pct(ms, 95)), p99: Math.round(pct(ms, 99)), max: Math.round(ms.at(-1) ?? NaN) };
};
const runsPerHead = new Map();
for (const run of github.checkRuns.values()) runsPerHead.set(run.head_sha, (runsPerHead.get(run.head_sha) ?? 0) + 1);
const reviewsPerPull = new Map();
// (The warm-up PR is not counted below.)
for (const review of github.reviews) reviewsPerPull.set(review.pull, (reviewsPerPull.get(review.pull) ?? 0) + 1);
const wrong = heads.filter((h) => runsPerHead.get(h.headSha) !== 1 || completions.get(h.headSha) !== 1 || reviewsPerPull.get(h.n) !== 1);
const result = {
  deliveries: N * (1 + DUP),
  heads: N,
  senders: C,
  installations: INSTALLATIONS,
  files: { small: SMALL, big: BIG_EVERY > 0 ? BIG : 0, bigEvery: BIG_EVERY },
  answers: Object.fromEntries(statuses),
  ackMs: { p50: Math.round(pct(ackMs.sort((a, b) => a - b), 50)), max: Math.round(ackMs.at(-1)) },
  seconds: +((drained - started) / 1000).toFixed(1),
  throughputPerSecond: +(completedAt.size / ((drained - started) / 1000)).toFixed(1),
  latencyMs: { all: summary(heads), small: summary(heads.filter((h) => h.files === SMALL)), ...(BIG_EVERY > 0 ? { big: summary(heads.filter((h) => h.files === BIG)) } : {}) },
  peakRssMb: { app: Math.round(mainPeakKb / 1024), tree: Math.round(peakTreeKb / 1024) },
  cpuSeconds: { tree: +cpu.toFixed(1), mainThread: +cpuMain.toFixed(1) },
  eventLoopLagMs: { max: Math.round(1000 * metric('nodejs_eventloop_lag_max_seconds')), p99: Math.round(1000 * metric('nodejs_eventloop_lag_p99_seconds')) },
  apiRequests: github.requests.length - requestsBefore,
  loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  errorLogLines: errors,
  exactlyOne: { ok: wrong.length === 0, missingOrExtra: wrong.slice(0, 5).map((h) => ({ pr: h.n, checkRuns: runsPerHead.get(h.headSha) ?? 0, completions: completions.get(h.headSha) ?? 0, reviews: reviewsPerPull.get(h.n) ?? 0 })) },
};
if (args.log) console.log(startup);
console.log(args.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
process.exit(wrong.length === 0 ? 0 : 1);
