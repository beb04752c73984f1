#!/usr/bin/env node
// Turns bench/run.sh's samples into the table and bench/.cache/results.json.
// Usage: node bench/summarize.mjs SAMPLES.tsv CHECKS_DIR RESULTS.json
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const [samplesPath, checksDir, resultsPath] = process.argv.slice(2);
if (!resultsPath) {
  console.error('usage: node bench/summarize.mjs SAMPLES.tsv CHECKS_DIR RESULTS.json');
  process.exit(2);
}

/** The issue's targets. */
const TARGETS = { maxFloorRatio: 1.5, minBanditSpeedup: 5, maxRssMB: 300, maxBaselineRatio: 1.25 };
const TOOLS = ['diffsec', 'floor', 'bandit', 'baseline'];

const samples = readFileSync(samplesPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [round, corpus, tool, wall, rss, code, user, sys] = line.split('\t');
    // CPU: user + sys seconds of the process tree (absent from samples of older runs).
    const cpuS = user === undefined ? null : Number(user) + Number(sys);
    return { round: Number(round), corpus, tool, wallS: Number(wall), peakRssKB: Number(rss), exitCode: Number(code), cpuS };
  });
const corpora = [...new Set(samples.map((s) => s.corpus))];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** What each tool said it scanned in the untimed check run: files and findings (null when unknown). */
function scanned(tool, corpus) {
  const out = readJson(join(checksDir, `${tool}-${corpus}.json`));
  if (!out) return { files: null, findings: null };
  if (tool === 'floor') return { files: out.files, findings: null };
  if (tool === 'bandit') {
    return { files: Object.keys(out.metrics ?? {}).filter((k) => k !== '_totals').length, findings: out.results?.length ?? null };
  }
  // diffsec's JSON report: prefer its stats, else count what it lists.
  const stats = out.stats ?? out.summary?.stats ?? null;
  return { files: stats?.files ?? null, findings: Array.isArray(out.findings) ? out.findings.length : null };
}

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].trim();
  } catch {
    return null;
  }
}

const fmt = (n, digits = 2) => n.toFixed(digits);
const thousands = (n) => Math.round(n).toLocaleString('en-US');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

const summary = {};
const out = [];
for (const corpus of corpora) {
  const floorCheck = readJson(join(checksDir, `floor-${corpus}.json`));
  const lines = floorCheck?.lines ?? null;
  const files = floorCheck?.files ?? null;
  const completeFile = join('bench/.cache/corpus', corpus, '.complete');
  const pkg = existsSync(completeFile) ? decodeURIComponent(readFileSync(completeFile, 'utf8').trim()) : '?';
  const rows = {};
  for (const tool of TOOLS) {
    const mine = samples.filter((s) => s.corpus === corpus && s.tool === tool);
    if (mine.length === 0) continue;
    const wall = median(mine.map((s) => s.wallS));
    const rssMB = median(mine.map((s) => s.peakRssKB)) / 1024;
    rows[tool] = {
      ...scanned(tool, corpus),
      lines,
      rounds: mine.length,
      medianWallS: wall,
      minWallS: Math.min(...mine.map((s) => s.wallS)),
      maxWallS: Math.max(...mine.map((s) => s.wallS)),
      linesPerS: lines ? lines / wall : null,
      medianPeakRssMB: rssMB,
      medianCpuS: mine.every((s) => s.cpuS !== null) ? median(mine.map((s) => s.cpuS)) : null,
    };
  }
  const d = rows.diffsec;
  const floorRatio = d && rows.floor ? d.medianWallS / rows.floor.medianWallS : null;
  const banditSpeedup = d && rows.bandit ? rows.bandit.medianWallS / d.medianWallS : null;
  const cpuRatio = (other) => (d?.medianCpuS && rows[other]?.medianCpuS ? d.medianCpuS / rows[other].medianCpuS : null);
  const floorCpuRatio = cpuRatio('floor');
  const baselineRatio = d && rows.baseline ? d.medianWallS / rows.baseline.medianWallS : null;
  const banditCpuSpeedup = cpuRatio('bandit') && 1 / cpuRatio('bandit');
  summary[corpus] = {
    package: pkg,
    files,
    lines,
    tools: rows,
    diffsecOverFloorWall: floorRatio,
    diffsecOverBanditThroughput: banditSpeedup,
    diffsecOverFloorCpu: floorCpuRatio,
    diffsecOverBanditCpuThroughput: banditCpuSpeedup,
    diffsecOverBaselineWall: baselineRatio,
    diffsecOverBaselineCpu: cpuRatio('baseline'),
    targets: {
      baseline: baselineRatio === null ? null : baselineRatio <= TARGETS.maxBaselineRatio,
      floor: floorRatio === null ? null : floorRatio <= TARGETS.maxFloorRatio,
      bandit: banditSpeedup === null ? null : banditSpeedup >= TARGETS.minBanditSpeedup,
      rss: d ? d.medianPeakRssMB < TARGETS.maxRssMB : null,
    },
  };

  out.push('');
  out.push(`${corpus}: ${files} files, ${thousands(lines ?? 0)} non-test lines (${pkg})`);
  out.push(`${pad('tool', 8)} ${lpad('files', 6)} ${lpad('lines', 8)} ${lpad('findings', 8)} ${lpad('wall s', 7)} ${lpad('(min-max)', 15)} ${lpad('lines/s', 9)} ${lpad('RSS MB', 7)} ${lpad('CPU s', 6)}`);
  for (const [tool, r] of Object.entries(rows)) {
    out.push(
      `${pad(tool, 8)} ${lpad(r.files ?? '?', 6)} ${lpad(thousands(r.lines ?? 0), 8)} ${lpad(r.findings ?? '-', 8)} ${lpad(fmt(r.medianWallS), 7)} ${lpad(`(${fmt(r.minWallS)}-${fmt(r.maxWallS)})`, 15)} ${lpad(r.linesPerS ? thousands(r.linesPerS) : '?', 9)} ${lpad(fmt(r.medianPeakRssMB, 0), 7)} ${lpad(r.medianCpuS === null ? '?' : fmt(r.medianCpuS), 6)}`,
    );
  }
  const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'met' : 'MISSED');
  if (floorRatio !== null) out.push(`  diffsec / floor wall time:        ${fmt(floorRatio)}x  (target <= ${TARGETS.maxFloorRatio}x: ${verdict(summary[corpus].targets.floor)})`);
  if (banditSpeedup !== null) out.push(`  diffsec / bandit throughput:      ${fmt(banditSpeedup)}x  (target >= ${TARGETS.minBanditSpeedup}x: ${verdict(summary[corpus].targets.bandit)})`);
  if (floorCpuRatio !== null) out.push(`  diffsec / floor CPU time:         ${fmt(floorCpuRatio)}x  (user + sys; the same target read on CPU)`);
  if (banditCpuSpeedup) out.push(`  diffsec / bandit CPU throughput:  ${fmt(banditCpuSpeedup)}x`);
  if (baselineRatio !== null) out.push(`  diffsec / baseline wall time:     ${fmt(baselineRatio)}x  (issue 11: <= ${TARGETS.maxBaselineRatio}x: ${verdict(summary[corpus].targets.baseline)}; CPU ${fmt(cpuRatio('baseline') ?? NaN)}x)`);
  if (d) out.push(`  diffsec peak RSS:                 ${fmt(d.medianPeakRssMB, 0)} MB (target < ${TARGETS.maxRssMB} MB: ${verdict(summary[corpus].targets.rss)})`);
}

/** The bundled rules (rules/<family>/*.yaml) the figures are for, and the commit they were measured at. */
function ruleCount() {
  try {
    return readdirSync(process.env.BENCH_RULES || 'rules', { recursive: true }).filter((f) => String(f).endsWith('.yaml')).length;
  } catch {
    return null;
  }
}
function gitState() {
  const head = version('git', ['rev-parse', '--short', 'HEAD']);
  if (!head) return null;
  let dirty = false;
  try {
    execFileSync('git', ['diff', '--quiet', 'HEAD', '--', 'src', 'rules'], { stdio: 'ignore' });
    dirty = version('git', ['ls-files', '--others', '--exclude-standard', '--', 'src', 'rules']) !== '';
  } catch {
    dirty = true;
  }
  return dirty ? `${head} + uncommitted changes in src/ or rules/` : head;
}

const cpu = cpus();
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? null, node: process.version, bandit: version('bandit', ['--version']) },
  // The working tree's commit says which code ran only when the default build (dist/) did.
  diffsec: { command: process.env.BENCH_DIFFSEC || 'node bin/diffsec.js', rules: ruleCount(), commit: process.env.BENCH_DIFFSEC ? null : gitState() },
  rounds: Math.max(...samples.map((s) => s.round)),
  method: 'one process per sample under /usr/bin/time -f "%e %M %U %S" (wall, peak RSS, CPU user + sys); tools interleaved round-robin, first tool rotating each round; medians',
  targets: TARGETS,
  summary,
  samples,
};
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');

console.log(`diffsec benchmark, ${results.rounds} interleaved rounds, medians (${cpu.length} cpus, node ${process.version}, ${results.machine.bandit ?? 'bandit ?'})`);
console.log(`diffsec: ${results.diffsec.command}, ${results.diffsec.rules ?? '?'} bundled rules${results.diffsec.commit ? `, at ${results.diffsec.commit}` : ''}`);
console.log(out.join('\n'));
console.log(`\nraw samples: ${resultsPath}`);
