// What a scanning thread (DIFFSEC_THREADS) costs before its first file: starts one thread with
// the bundled rules, as the CLI does, sends it an empty file, and times the answer (wall, and the
// process's CPU: this thread only waits meanwhile). Then a one-line file with a finding, answered
// by the thread already running (the queries it needs compile then). Prints one JSON line per
// round. Usage: node bench/thread-start.mjs [ROOT] [--rounds N]; ROOT: a built diffsec (default
// this one), so two builds can be timed in alternation.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const root = resolve(args[0] ?? join(import.meta.dirname, '..'));
const load = (path) => import(pathToFileURL(join(root, 'dist/src', path)).href);

const { loadRules } = await load('rules/load-rules.js');
const { bundledRulesDir, bundledRulesSnapshot } = await load('package-root.js');
const { ScanThreads } = await load('analysis/scan-threads.js');
const rules = loadRules(bundledRulesDir(), { snapshot: bundledRulesSnapshot() });

const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since);
  return Math.round((user + system) / 1000);
};
for (let round = 0; round < rounds; round++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const threads = new ScanThreads(1, rules);
  const empty = await threads.scan('empty.py', '');
  const ready = performance.now();
  const readyCpu = cpuMs(cpu);
  const one = await threads.scan('one.py', 'import subprocess as sp\n\nsp.call(cmd, shell=True)\n');
  const first = performance.now();
  await threads.close();
  if (empty.errors.length || one.findings.length === 0) throw new Error('thread-start: the thread did not scan as expected');
  console.log(JSON.stringify({ root, readyMs: Math.round(ready - started), readyCpuMs: readyCpu, oneLineMs: Math.round(first - ready), totalCpuMs: cpuMs(cpu) }));
}
