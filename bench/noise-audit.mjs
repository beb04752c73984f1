#!/usr/bin/env node
// Noise audit: how often each rule fires on real code nobody wrote to exercise it, next to Debian's
// Bandit on the same files, and a seeded sample of medium-or-higher findings for a person to mark.
//
//   bash bench/fetch-corpus.sh && npm run build
//   node bench/noise-audit.mjs SEED [--sample N] [--context N] [--markdown] [--heldout [LIST]] [--no-bandit]
//
// Corpus: the non-test .py files of Debian's python3-nova, python3-ironic and python3-cinder
// (bench/.cache/corpus/<name>, from bench/fetch-corpus.sh). diffsec runs with its default config
// (`diffsec scan --format json`, so generated and vendored files are skipped as a user's would be);
// Bandit (`bandit -r -f json`, Debian's 1.6.2 on PATH) runs once per corpus and is cached in
// bench/.cache/noise/ next to the package it read. Rates are findings per 10,000 lines of the
// files on disk (`wc -l`), suppressed findings left out; Bandit counts medium and high severity
// per test id.
//
// --heldout reads the held-out corpus instead: the non-test .py files of nine more OpenStack
// projects at the commits of bench/heldout.txt (glance, heat, horizon, keystone, neutron, os-brick,
// oslo.concurrency, swift, trove; bench/fetch-heldout.sh copies them from local clones), code the
// rules were never tuned on; --heldout bench/heldout-2.txt reads a second such set (barbican,
// designate, keystonemiddleware, manila, octavia, oslo.log, oslo.messaging, oslo.utils,
// python-keystoneclient), kept apart to measure precision after what the first led to, and
// bench/heldout-3.txt … heldout-83.txt eighty-one more, each read after the fixes the one before led to.
// --no-bandit leaves Bandit's columns out.
//
// The sample: unsuppressed findings of medium or high severity, shuffled with SEED (mulberry32),
// then drawn round-robin across rules (one per rule per round, rules in seeded order), so a rule
// that fires rarely is still audited; each is printed with its context for marking as true
// positive, acceptable-but-noisy or false positive.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const RANK = { low: 0, medium: 1, high: 2 };

const args = process.argv.slice(2);
const seed = Number.parseInt(args[0] ?? '', 10);
if (!Number.isInteger(seed)) {
  console.error('usage: node bench/noise-audit.mjs SEED [--sample N] [--context N] [--markdown] [--heldout [LIST]] [--no-bandit]');
  process.exit(2);
}
// --heldout [LIST]: the projects of bench/heldout.txt, or of LIST (bench/heldout-2.txt), as
// bench/fetch-heldout.sh copied them: code the rules were not tuned on.
const heldoutAt = args.indexOf('--heldout');
const heldout = heldoutAt >= 0;
const heldoutList = heldout && args[heldoutAt + 1]?.endsWith('.txt') ? args[heldoutAt + 1] : join(here, 'heldout.txt');
const withBandit = !args.includes('--no-bandit');
const corpusDir = join(here, '.cache', heldout ? basename(heldoutList, '.txt') : 'corpus');
const cacheDir = join(here, '.cache', 'noise');
const CORPORA = heldout
  ? readFileSync(heldoutList, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/)[0])
  : ['cinder', 'ironic', 'nova'];
const fetchHint = heldout ? `bash bench/fetch-heldout.sh CLONES ${heldoutList}` : 'bash bench/fetch-corpus.sh';
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number.parseInt(args[i + 1], 10) : fallback;
};
const sampleSize = option('--sample', 40);
const context = option('--context', 3);
const markdown = args.includes('--markdown');

mkdirSync(cacheDir, { recursive: true });

/** Every .py file under dir, relative to corpusDir. */
function pythonFiles(dir) {
  const out = [];
  for (const entry of readdirSync(join(corpusDir, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pythonFiles(rel));
    else if (entry.name.endsWith('.py')) out.push(rel);
  }
  return out;
}

const lineCount = (text) => (text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

function diffsecFindings(name) {
  const out = join(cacheDir, `diffsec-${name}.json`);
  try {
    execFileSync(process.execPath, [join(root, 'bin', 'diffsec.js'), 'scan', '--format', 'json', '--output', out, name], { cwd: corpusDir, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    // Exit 1 means findings at fail_on; the JSON is written all the same.
    if (error.status !== 1) throw error;
  }
  // Inside a git work tree (this checkout) scan names files from its top folder: back to corpus names.
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const prefix = `${relative(root, corpusDir).split(sep).join('/')}/`;
  const corpusPath = (path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  return { ...report, findings: report.findings.map((f) => ({ ...f, path: corpusPath(f.path) })), skipped: report.skipped.map((s) => ({ ...s, path: corpusPath(s.path) })) };
}

function banditFindings(name) {
  const out = join(cacheDir, `bandit-${name}.json`);
  const stamp = join(cacheDir, `bandit-${name}.stamp`);
  const deb = readFileSync(join(corpusDir, name, '.complete'), 'utf8').trim();
  if (!existsSync(out) || !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== deb) {
    console.error(`noise-audit: running bandit on ${name} (a few minutes)`);
    try {
      execFileSync('bandit', ['-r', '-f', 'json', '-o', out, name], { cwd: corpusDir, stdio: ['ignore', 'ignore', 'ignore'] });
    } catch (error) {
      if (error.status !== 1) throw error;
    }
    writeFileSync(stamp, `${deb}\n`);
  }
  return JSON.parse(readFileSync(out, 'utf8')).results;
}

/** mulberry32: a small seeded generator, so the same SEED draws the same sample. */
function random(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list, next) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// 1. Scan, count lines, and tally.
const lines = {};
const findings = [];
const bandit = [];
const skippedGenerated = [];
for (const name of CORPORA) {
  if (!existsSync(join(corpusDir, name, '.complete'))) {
    console.error(`noise-audit: ${name} is missing; run ${fetchHint}`);
    process.exit(2);
  }
  lines[name] = pythonFiles(name).reduce((sum, f) => sum + lineCount(readFileSync(join(corpusDir, f), 'utf8')), 0);
  const report = diffsecFindings(name);
  findings.push(...report.findings.filter((f) => !f.suppressed).map((f) => ({ ...f, corpus: name })));
  skippedGenerated.push(...report.skipped.filter((s) => /^generated|^vendored/.test(s.reason)).map((s) => s.path));
  if (withBandit) bandit.push(...banditFindings(name).filter((r) => r.issue_severity !== 'LOW').map((r) => ({ ...r, corpus: name })));
}
const totalLines = CORPORA.reduce((s, n) => s + lines[n], 0);
const per10k = (n, l = totalLines) => ((n * 10000) / l).toFixed(2);

const byRule = new Map();
for (const f of findings) {
  const row = byRule.get(f.rule) ?? { rule: f.rule, name: f.name, severity: f.severity, confidence: f.confidence, bandit: f.bandit ?? '', counts: Object.fromEntries(CORPORA.map((c) => [c, 0])), total: 0 };
  row.counts[f.corpus]++;
  row.total++;
  byRule.set(f.rule, row);
}
const byTest = new Map();
for (const r of bandit) {
  const row = byTest.get(r.test_id) ?? { id: r.test_id, name: r.test_name, counts: Object.fromEntries(CORPORA.map((c) => [c, 0])), total: 0 };
  row.counts[r.corpus]++;
  row.total++;
  byTest.set(r.test_id, row);
}

const header = `corpus: ${CORPORA.map((c) => `${c} ${lines[c]} lines`).join(', ')}; ${totalLines} lines in all`;
console.log(header);
console.log(`skipped as generated or vendored: ${skippedGenerated.length}${skippedGenerated.length ? ` (${skippedGenerated.join(', ')})` : ''}`);
console.log('');
if (markdown) {
  console.log(`| diffsec rule | severity / confidence | ${CORPORA.join(' | ')} | all | per 10k lines |`);
  console.log(`|---|---|${CORPORA.map(() => '---:').join('|')}|---:|---:|`);
} else console.log('diffsec findings per rule (unsuppressed):');
for (const row of [...byRule.values()].sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule))) {
  if (markdown) console.log(`| ${row.rule} \`${row.name}\` | ${row.severity} / ${row.confidence} | ${CORPORA.map((c) => row.counts[c]).join(' | ')} | ${row.total} | ${per10k(row.total)} |`);
  else console.log(`${row.rule.padEnd(6)} ${`${row.severity}/${row.confidence}`.padEnd(14)} ${CORPORA.map((c) => `${c}=${row.counts[c]}`).join(' ').padEnd(36)} all=${String(row.total).padEnd(5)} ${per10k(row.total)}/10k  ${row.name}`);
}
const medium = findings.filter((f) => RANK[f.severity] >= 1);
console.log(`${markdown ? '\n' : ''}diffsec all: ${findings.length} (${per10k(findings.length)}/10k); medium or high: ${medium.length} (${per10k(medium.length)}/10k)`);
console.log('');
if (markdown) {
  console.log(`| Bandit id (medium+high) | name | ${CORPORA.join(' | ')} | all | per 10k lines |`);
  console.log(`|---|---|${CORPORA.map(() => '---:').join('|')}|---:|---:|`);
} else console.log('Debian bandit 1.6.2, medium and high severity:');
for (const row of [...byTest.values()].sort((a, b) => b.total - a.total || a.id.localeCompare(b.id))) {
  if (markdown) console.log(`| ${row.id} | \`${row.name}\` | ${CORPORA.map((c) => row.counts[c]).join(' | ')} | ${row.total} | ${per10k(row.total)} |`);
  else console.log(`${row.id.padEnd(6)} ${CORPORA.map((c) => `${c}=${row.counts[c]}`).join(' ').padEnd(36)} all=${String(row.total).padEnd(5)} ${per10k(row.total)}/10k  ${row.name}`);
}
console.log(`${markdown ? '\n' : ''}bandit all (medium+high): ${bandit.length} (${per10k(bandit.length)}/10k)`);
console.log('');

// 2. The seeded sample, round-robin across rules.
const next = random(seed);
const pools = new Map();
for (const f of shuffle(medium, next)) {
  if (!pools.has(f.rule)) pools.set(f.rule, []);
  pools.get(f.rule).push(f);
}
const order = shuffle([...pools.keys()].sort(), next);
const sample = [];
while (sample.length < sampleSize && order.some((r) => pools.get(r).length > 0)) {
  for (const rule of order) {
    const f = pools.get(rule).shift();
    if (f && sample.length < sampleSize) sample.push(f);
  }
}
console.log(`sample: seed ${seed}, ${sample.length} of ${medium.length} medium-or-higher findings, round-robin over ${order.length} rules`);
sample.forEach((f, i) => {
  const text = readFileSync(join(corpusDir, f.path), 'utf8').split('\n');
  const from = Math.max(1, f.line - context);
  const to = Math.min(text.length, (f.endLine ?? f.line) + context);
  console.log('');
  console.log(`#${String(i + 1).padStart(2, '0')} ${f.rule} ${f.name} (${f.severity}/${f.confidence}) ${f.path}:${f.line}`);
  console.log(`    ${f.message}`);
  for (let n = from; n <= to; n++) console.log(`${n === f.line ? '>' : ' '}${String(n).padStart(6)} | ${text[n - 1]}`);
});
