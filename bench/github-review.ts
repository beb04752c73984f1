// Reviews a synthetic 300-file pull request with the real app against the loopback GitHub double
// and prints the API calls and wall time: `npx tsx bench/github-review.ts [files]`.
import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import { GitHubApiDouble, type DoubleFile } from '../src/demo/github-api-double.js';
import { diffsecApp } from '../src/github/app.js';

const count = Number(process.argv[2] ?? 300);
const head = 'c'.repeat(40);
const files: DoubleFile[] = Array.from({ length: count }, (_, i) => {
  const lines = ['import subprocess', '', `def task_${i}(cmd):`, ...Array.from({ length: 40 }, (_, k) => `    value_${k} = cmd + "${k}"`), i % 10 === 0 ? '    subprocess.call(cmd, shell=True)' : '    return cmd'];
  return { path: `svc/module_${i}.py`, status: 'added', patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' };
});
const github = new GitHubApiDouble('bench', 'repo').addPullRequest({ number: 1, headSha: head, files });
await github.start();
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const probot = new Probot({
  appId: 1,
  privateKey,
  baseUrl: github.url,
  logLevel: 'warn',
  // The double has no secondary rate limits; the throttle would pace writes a second apart.
  Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, throttle: { enabled: false } })),
});
await probot.load(diffsecApp());
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
await probot.receive({ id: '1', name: 'pull_request', payload: { action: 'opened', number: 1, installation: { id: 1 }, repository: { name: 'repo', owner: { login: 'bench' } }, pull_request: { number: 1, state: 'open', draft: false, head: { sha: head } } } } as never);
const wall = performance.now() - started;
const calls = github.calls();
const annotationBatches = github.checkRunUpdates.length - 1;
const counted = calls.length - annotationBatches;
console.log(`files: ${count}, API calls: ${counted} (+${annotationBatches} annotation batches, +1 token exchange), wall: ${(wall / 1000).toFixed(2)} s, RSS: ${Math.round(rssBefore / 1e6)} -> ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
const byKind = new Map<string, number>();
for (const c of calls) byKind.set(c.replace(/\d+/g, 'N'), (byKind.get(c.replace(/\d+/g, 'N')) ?? 0) + 1);
for (const [kind, n] of byKind) console.log(`  ${n} × ${kind}`);
await github.stop();
