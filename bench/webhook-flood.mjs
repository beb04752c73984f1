// Floods the built app (`npm start`'s dist/src/server/main.js) with unauthenticated webhook
// bodies on loopback and reports its memory, answer times and log volume. Bounded: a fixed number
// of requests, to 127.0.0.1 only. Usage: npm run build && node bench/webhook-flood.mjs [rounds]
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

const rounds = Number(process.argv[2] ?? 5);
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const env = { PATH: process.env.PATH, APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 'flood-secret', GITHUB_API_URL: 'http://127.0.0.1:9', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
const child = spawn(process.execPath, ['dist/src/server/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let logBytes = 0;
let startup = '';
child.stdout.on('data', (c) => ((logBytes += c.length), (startup += String(c))));
child.stderr.on('data', (c) => (logBytes += c.length));
while (!/listening on http:\/\/[^:]+:\d+/.test(startup)) await new Promise((r) => setTimeout(r, 50));
const port = Number(/listening on http:\/\/[^:]+:(\d+)/.exec(startup)[1]);
const rssMb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;

/** Sends `mb` megabytes with a wrong signature, chunked or with a declared length. */
function flood(mb, chunked) {
  return new Promise((resolve) => {
    const started = performance.now();
    const headers = { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'flood', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };
    if (chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(mb * 1024 * 1024);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/github/webhooks', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 'reset', ms: performance.now() - started }));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < mb) {
        sent++;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const baseline = rssMb('VmRSS');
const results = [];
for (let i = 0; i < rounds; i++) {
  results.push(['100 MB, declared length', await flood(100, false)]);
  results.push(['100 MB, chunked', await flood(100, true)]);
  results.push(['20 MB, under the cap', await flood(20, false)]);
}
await new Promise((r) => setTimeout(r, Number(process.env.SETTLE_MS ?? 2000)));
const after = rssMb('VmRSS');
const peak = rssMb('VmHWM');
child.kill('SIGTERM');
for (const [name, r] of results.slice(0, 3)) console.log(`${name}: HTTP ${r.status} in ${r.ms.toFixed(0)} ms`);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const name of ['100 MB, declared length', '100 MB, chunked', '20 MB, under the cap']) {
  console.log(`${name}: median answer ${median(results.filter(([n]) => n === name).map(([, r]) => r.ms)).toFixed(0)} ms over ${rounds}`);
}
console.log(`RSS: baseline ${baseline.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, ${Number(process.env.SETTLE_MS ?? 2000) / 1000} s after the flood ${after.toFixed(0)} MB; log written: ${(logBytes / 1024).toFixed(1)} KB for ${results.length} requests`);
