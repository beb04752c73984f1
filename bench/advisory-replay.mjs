#!/usr/bin/env node
// Advisory replay: OpenStack security fixes replayed as pull requests that undo them, and what
// diffsec says about each. The data (advisories, their class, the rule expected to catch each and
// the result last measured) is bench/advisories.yaml; method and findings: docs/advisories.md.
//
//   npm run build
//   node bench/advisory-replay.mjs --clones /tmp/adv [--only ID,...] [--all] [--defaults] [--no-new-findings] [--json FILE] [--markdown]
//
// --clones DIR holds one git clone per repository, named as the advisory's `repo` (DIR/nova, ...),
// made beforehand (bench/README.md says how); nothing here touches the network. For each in-scope
// advisory (--all: every one) it runs
//   diffsec diff --repo DIR/<repo> --base-exact FIX --head FIX^ --config <every rule on> --format json
// (--defaults: the default rule set instead), i.e. a pull request that puts the vulnerable lines
// back (--no-new-findings: with differential scoping off, `scope: {new_findings: false}`, for
// comparison). The vulnerable lines are the lines that pull request adds (the lines the fix removed or
// changed) in the advisory's `files`. The advisory is caught when a finding of one of its
// `expected` rules touches such a line, or, for a flow finding, has a step on one, or is `new`
// (differential scoping) in one of those files. Every other
// finding on the replayed diff is noise a reviewer would also see. Prints a table, the score per
// class and overall, and where a result differs from the one recorded in the YAML. Exits 1 only on an error (a missing clone, git or diffsec failing), never on a miss.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const clones = option('--clones');
if (!clones) {
  console.error('usage: node bench/advisory-replay.mjs --clones DIR [--only ID,...] [--all] [--defaults] [--no-new-findings] [--json FILE] [--markdown]');
  process.exit(2);
}
const dataFile = option('--data') ?? join(here, 'advisories.yaml');
const only = option('--only')?.split(',');
const all = args.includes('--all');
const defaults = args.includes('--defaults');
const unscoped = args.includes('--no-new-findings');
const markdown = args.includes('--markdown');
const jsonOut = option('--json');
const diffsec = join(root, 'bin', 'diffsec.js');

const data = parse(readFileSync(dataFile, 'utf8'));
const unknown = (only ?? []).filter((id) => !data.advisories.some((a) => a.id === id));
if (unknown.length) {
  console.error(`not in ${dataFile}: ${unknown.join(', ')}`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'advisory-replay-'));
const config = join(work, 'all-rules.yml');
// Every rule on, the two that are off by default as well; --defaults: the default rule set.
writeFileSync(config, (defaults ? '' : 'rules:\n  enable: [DS207, DS211]\n') + (unscoped ? 'scope:\n  new_findings: false\n' : ''));

/** The lines the reversed fix adds, per file: `git diff -U0 FIX FIX^`'s new-side hunks. */
function addedLines(repoDir, fix, files) {
  const out = execFileSync('git', ['-C', repoDir, 'diff', '--no-renames', '--no-ext-diff', '-U0', fix, `${fix}^`, '--', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const lines = new Map();
  let path;
  for (const line of out.split('\n')) {
    if (line.startsWith('+++ ')) {
      path = line === '+++ /dev/null' ? undefined : line.slice(6);
      if (path && !lines.has(path)) lines.set(path, new Set());
    } else if (path && line.startsWith('@@')) {
      const m = /\+(\d+)(?:,(\d+))? @@/.exec(line);
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let n = start; n < start + count; n++) lines.get(path).add(n);
    }
  }
  return lines;
}

/**
 * Whether a finding touches one of the vulnerable lines: its span, or a step of its flow; or, with
 * scope `new` (differential scoping: off the changed lines, absent from the file's base version),
 * is in a file the reverse diff changes, since then the replayed change is what created it: this is
 * how a deletion-only regression (no added line at all) is caught.
 */
function onVulnerable(finding, vulnerable) {
  if (finding.scope === 'new' && vulnerable.has(finding.path)) return true;
  const own = vulnerable.get(finding.path);
  if (own) {
    for (let n = finding.line; n <= (finding.endLine ?? finding.line); n++) if (own.has(n)) return true;
  }
  return (finding.flow ?? []).some((step) => vulnerable.get(step.path)?.has(step.line));
}

function replay(advisory) {
  const repoDir = join(clones, advisory.repo);
  if (!existsSync(repoDir)) throw new Error(`no clone of ${advisory.repo} at ${repoDir} (bench/README.md says how to make it)`);
  const vulnerable = addedLines(repoDir, advisory.fix, advisory.files);
  const output = join(work, 'report.json');
  try {
    execFileSync('node', [diffsec, 'diff', '--repo', repoDir, '--base-exact', advisory.fix, '--head', `${advisory.fix}^`,
      '--config', config, '--format', 'json', '--output', output], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // 1 is "findings over the fail-on threshold", not a failure.
    if (error.status !== 1) throw new Error(`diffsec failed on ${advisory.repo} ${advisory.fix}: ${error.stderr}`);
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const newFindings = report.findings.filter((f) => f.scope === 'new').length;
  const expected = new Set(advisory.expected ?? []);
  const hits = [];
  const noise = [];
  for (const f of report.findings) {
    const where = { rule: f.rule, severity: f.severity, path: f.path, line: f.line };
    if (expected.has(f.rule) && onVulnerable(f, vulnerable)) hits.push(where);
    else noise.push(where);
  }
  const vulnerableCount = [...vulnerable.values()].reduce((n, s) => n + s.size, 0);
  // A file skipped or not fully analysed (a time budget on a loaded machine) can turn a catch into a
  // miss: said with the row, never silent.
  // (A file the fix added is "removed by this change" in the reversed diff: not trouble.)
  const trouble = [
    ...report.skipped.filter((s) => !s.reason.startsWith('removed')).map((s) => `${s.path.split('/').pop()}: ${s.reason}`),
    ...report.errors,
  ];
  return { caught: hits.length > 0, hits, noise, newFindings, vulnerableLines: vulnerableCount, reviewedFiles: report.stats.files, trouble };
}

const selected = data.advisories.filter((a) => (only ? only.includes(a.id) : all || a.in_scope));
const rows = [];
let errors = 0;
for (const advisory of selected) {
  try {
    rows.push({ advisory, measured: replay(advisory) });
  } catch (error) {
    errors++;
    console.error(`error: ${advisory.id}: ${error.message}`);
  }
}
rmSync(work, { recursive: true, force: true });

const place = (h) => `${h.rule}@${h.path.split('/').pop()}:${h.line}`;
const table = rows.map(({ advisory, measured }) => {
  const recorded = advisory.result?.caught;
  return {
    id: advisory.id,
    repo: advisory.repo,
    fix: advisory.fix.slice(0, 10),
    class: advisory.class,
    expected: (advisory.expected ?? []).join(' '),
    // A miss shows the reason recorded by hand, when there is one.
    result: measured.caught
      ? `caught ${measured.hits.map(place).join(' ')}`
      : `missed${advisory.result?.miss_group ? ` (${advisory.result.miss_group})` : ''}`,
    noise: measured.noise.map(place).join(' '),
    changed: advisory.in_scope && recorded !== undefined && recorded !== measured.caught ? `(recorded: ${recorded ? 'caught' : 'missed'})` : '',
    trouble: measured.trouble.join('; '),
  };
});

if (markdown) {
  console.log('| advisory | repo | fix | class | expected | result | other findings |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of table) console.log(`| ${r.id} | ${r.repo} | ${r.fix} | ${r.class} | ${r.expected} | ${[r.result, r.changed].filter(Boolean).join(' ')} | ${r.noise || '—'} |`);
} else {
  for (const r of table) console.log(`${r.id.padEnd(34)} ${r.repo.padEnd(22)} ${r.fix}  ${r.class.padEnd(26)} ${[r.result, r.changed].filter(Boolean).join(' ')}${r.noise ? `  [other: ${r.noise}]` : ''}${r.trouble ? `  [not reviewed whole: ${r.trouble}]` : ''}`);
}

// The score counts in-scope advisories only.
const scored = rows.filter((r) => r.advisory.in_scope);
const byClass = new Map();
for (const { advisory, measured } of scored) {
  const c = byClass.get(advisory.class) ?? { caught: 0, total: 0 };
  c.total++;
  if (measured.caught) c.caught++;
  byClass.set(advisory.class, c);
}
console.log('');
console.log(markdown ? '| class | caught | in scope |\n| --- | --- | --- |' : 'score by class:');
for (const [name, c] of [...byClass].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
  console.log(markdown ? `| ${name} | ${c.caught} | ${c.total} |` : `  ${name.padEnd(28)} ${c.caught}/${c.total}`);
}
const caught = scored.filter((r) => r.measured.caught).length;
const noisy = scored.reduce((n, r) => n + r.measured.noise.length, 0);
console.log(`${markdown ? '\n' : ''}overall: ${caught}/${scored.length} in-scope advisories caught; ${noisy} other findings on their replayed diffs`);
const troubled = table.filter((r) => r.trouble).length;
if (troubled) console.log(`${troubled} replay(s) had files skipped or not fully analysed (shown per row): their results may differ on a quieter machine`);
const drift = table.filter((r) => r.changed).length;
if (drift) console.log(`${drift} result(s) differ from the ones recorded in ${dataFile}`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows.map(({ advisory, measured }) => ({ id: advisory.id, repo: advisory.repo, fix: advisory.fix, ...measured })), null, 2)}\n`);
process.exit(errors ? 1 : 0);
