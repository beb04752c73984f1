// Measures a burst through the queue: N signed pull_request deliveries (one per installation, or
// all from one) → time until every head has a completed check, with one worker and with two,
// interleaved (1, 2, 1, 2 …) so both see the same machine load; plus the in-process app for
// reference; after WARM_UP reviews that are not timed. Every head must end with exactly one check
// run and one review. Run: `npm run build && [MODES=workers-1,workers-2] npx tsx
// test/queue/measure-burst.ts [N] [rounds] [one-installation]`.
import { readFileSync } from 'node:fs';
import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import { deliver, pullRequestEvent, receiverPort, startProcess, until, type AppProcess } from './queue-processes.js';
import { redisServerBinary, startRedis } from './redis-server.js';

const N = Number(process.argv[2] ?? 40);
const ROUNDS = Number(process.argv[3] ?? 2);
const ONE_INSTALLATION = process.argv[4] === 'one-installation';
const MODES = (process.env.MODES ?? 'workers-1,workers-2,in-process').split(',') as ('in-process' | 'workers-1' | 'workers-2')[];
/** PRs reviewed before the timed burst, so that start-up costs (JIT, scan processes, the app's identity) are not timed. */
const WARM_UP = 8;

/** A PR of 5 Python files of 40 lines, each with one finding. */
function files(seed: number): DoubleFile[] {
  return Array.from({ length: 5 }, (_, f) => {
    const lines = ['import subprocess', ...Array.from({ length: 38 }, (_, i) => `value_${seed}_${f}_${i} = ${i} * 2`), 'subprocess.call(cmd, shell=True)'];
    return { path: `pkg/m${f}.py`, status: 'added' as const, patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' };
  });
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function burst(mode: 'in-process' | 'workers-1' | 'workers-2', redisUrl: string): Promise<{ seconds: number; cpu: number }> {
  const github = new GitHubApiDouble('acme', 'repo');
  const all = Array.from({ length: WARM_UP + N }, (_, i) => (i + 1).toString(16).padStart(40, 'c'));
  all.forEach((headSha, i) => github.addPullRequest({ number: i + 1, headSha, files: files(i) }));
  const warmUp = all.slice(0, WARM_UP);
  const heads = all.slice(WARM_UP);
  await github.start();
  const env = { GITHUB_API_URL: github.url, ...(mode === 'in-process' ? {} : { REDIS_URL: redisUrl }) };
  const receiver = startProcess('receiver', env);
  const workers: AppProcess[] = mode === 'in-process' ? [] : Array.from({ length: mode === 'workers-1' ? 1 : 2 }, () => startProcess('worker', env));
  const processes = [receiver, ...workers];
  const done = () => [...github.checkRuns.values()].filter((r) => r.status === 'completed').length;
  try {
    const port = await receiverPort(receiver);
    for (const w of workers) await until(() => w.output().includes('consuming the review queue'), 30_000, () => w.output());
    await Promise.all(warmUp.map((headSha, i) => deliver(port, 'pull_request', `warm-${mode}-${i}`, { ...pullRequestEvent('opened', i + 1, headSha), installation: { id: 1 } })));
    await until(() => done() >= WARM_UP, 600_000, () => `${done()}/${WARM_UP}`);
    const cpuBefore = processes.reduce((sum, p) => sum + cpuSeconds(p.child.pid!), 0);
    const started = performance.now();
    await Promise.all(
      heads.map((headSha, i) => {
        const event = { ...pullRequestEvent('opened', WARM_UP + i + 1, headSha), installation: { id: ONE_INSTALLATION ? 1 : 100 + i } };
        return deliver(port, 'pull_request', `burst-${mode}-${i}`, event);
      }),
    );
    await until(() => done() >= WARM_UP + N, 600_000, () => `${done()}/${WARM_UP + N}`);
    const seconds = (performance.now() - started) / 1000;
    if (process.env.SHOW_TIMELINE) for (const w of workers) console.log(w.child.pid, w.logs().filter((l) => l.msg === 'diffsec: reviewed pull request').map((l) => `${l.pr}:${l.durationMs}`).join(' '));
    const cpu = processes.reduce((sum, p) => sum + cpuSeconds(p.child.pid!), 0) - cpuBefore;
    // Exactly one check run and one review per head.
    if (github.checkRuns.size !== WARM_UP + N || github.reviews.length !== WARM_UP + N) throw new Error(`expected ${WARM_UP + N} check runs and reviews, got ${github.checkRuns.size} and ${github.reviews.length}`);
    return { seconds, cpu };
  } finally {
    for (const p of processes) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await github.stop();
  }
}

const binary = redisServerBinary();
if (!binary) throw new Error('redis-server is not installed');
const results: Record<string, { seconds: number; cpu: number }[]> = { 'in-process': [], 'workers-1': [], 'workers-2': [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of MODES) {
    // A fresh Redis each run: no job ids or limiter state carried over.
    const redis = await startRedis(binary);
    try {
      const result = await burst(mode, redis.url);
      results[mode]!.push(result);
      console.log(`round ${round + 1} ${mode}: ${N} PRs in ${result.seconds.toFixed(1)} s, ${result.cpu.toFixed(1)} CPU s`);
    } finally {
      await redis.stop();
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [mode, runs] of Object.entries(results).filter(([, runs]) => runs.length)) {
  console.log(`${mode}: median ${median(runs.map((r) => r.seconds)).toFixed(1)} s wall, ${median(runs.map((r) => r.cpu)).toFixed(1)} CPU s (${ONE_INSTALLATION ? 'one installation' : `${N} installations`})`);
}
console.log(`two workers / one worker (wall): ${(median(results['workers-2']!.map((r) => r.seconds)) / median(results['workers-1']!.map((r) => r.seconds))).toFixed(2)}`);
