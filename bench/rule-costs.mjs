#!/usr/bin/env node
// What each bundled rule costs on its own, in one process: every .py file under the given
// directories (default: the benchmark corpus) is scanned with no rule (parse, text index, imports:
// the fixed part) and with each rule alone, in interleaved rounds whose rule order rotates, so
// machine drift hits every rule alike. A rule's cost is its median pass minus the median empty
// pass. Rules share work when they run together (a flow list borrowed with `from:`, the
// vocabulary pass, query compilation of a shared text), so these are upper bounds: the table says
// which rules to look at first, not what turning one off saves.
// Needs dist/ (npm run build) and, for the default, bench/fetch-corpus.sh.
//
// With --leave-out, the other question: what turning rules off saves when every rule runs. Each
// group (rules joined by `+`, groups by `,`) is left out of every bundled rule in turn; its saving
// is the median pass with every rule minus the median pass without the group.
//
// Usage: node bench/rule-costs.mjs [--rounds N] [--rules DS205,DS303 | --leave-out DS205,DS207+DS211] [DIR...]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scanSource } from '../dist/src/analysis/scan-source.js';
import { bundledRulesDir } from '../dist/src/package-root.js';
import { compileRules } from '../dist/src/rules/compile-rules.js';
import { loadRules } from '../dist/src/rules/load-rules.js';

const { values, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, rules: { type: 'string' }, 'leave-out': { type: 'string' } }, allowPositionals: true });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a positive integer');
const dirs = positionals.length ? positionals : ['ironic', 'nova'].map((c) => join(import.meta.dirname, '.cache/corpus', c));

function* pythonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* pythonFiles(path);
    else if (entry.name.endsWith('.py')) yield path;
  }
}

const files = dirs.flatMap((dir) => [...pythonFiles(dir)]).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
const all = loadRules(bundledRulesDir());
const wanted = values.rules ? new Set(values.rules.split(',')) : null;
const rules = wanted ? all.filter((r) => wanted.has(r.id)) : all;
// No rule: what every scan pays. One compiled set per rule, made before timing (queries compile on first use, inside the first pass).
const groups = values['leave-out']?.split(',').map((group) => group.split('+')) ?? null;
for (const id of groups?.flat() ?? []) if (!all.some((r) => r.id === id)) throw new Error(`--leave-out: ${id} is no bundled rule`);
const sets = groups
  ? [{ id: '(all)', compiled: compileRules(all) }, ...groups.map((group) => ({ id: group.join('+'), compiled: compileRules(all.filter((r) => !group.includes(r.id))) }))]
  : [{ id: '(none)', compiled: compileRules([]) }, ...rules.map((rule) => ({ id: rule.id, compiled: compileRules([rule]) }))];
// No time budget or finding cap that a busy machine could hit.
const LIMITS = { timeBudgetMs: 3_600_000, maxFindings: 1_000_000 };

/** One pass over every file with one compiled set, in CPU milliseconds of this process; yields between files (the binding frees trees then). */
async function pass(compiled) {
  const before = process.cpuUsage();
  let findings = 0;
  for (const { path, source } of files) {
    findings += scanSource(path, source, compiled, LIMITS).findings.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, findings };
}

const samples = new Map(sets.map((s) => [s.id, []]));
const found = new Map();
// An untimed pass per set first: each compiles its queries there, as a scan does once per process.
for (const set of sets) found.set(set.id, (await pass(set.compiled)).findings);
for (let round = 0; round < rounds; round++) {
  const order = sets.map((_, i) => sets[(i + round * 7) % sets.length]);
  for (const set of order) samples.get(set.id).push((await pass(set.compiled)).ms);
  process.stderr.write(`rule-costs: round ${round + 1}/${rounds}\n`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
if (groups) {
  const full = median(samples.get('(all)'));
  console.log(`${files.length} files; ${rounds} rounds; CPU ms per pass with every rule, median: ${full.toFixed(0)}`);
  console.log('| left out | ms saved (median pass without it) | share of the pass |');
  console.log('|---|---:|---:|');
  for (const set of sets.slice(1)) {
    const without = median(samples.get(set.id));
    console.log(`| ${set.id} | ${(full - without).toFixed(0)} (${without.toFixed(0)}) | ${((100 * (full - without)) / full).toFixed(1)}% |`);
  }
  process.exit(0);
}
const base = median(samples.get('(none)'));
const rows = rules
  .map((rule) => ({ rule, cost: median(samples.get(rule.id)) - base }))
  .sort((a, b) => b.cost - a.cost);
const total = rows.reduce((sum, r) => sum + Math.max(0, r.cost), 0);
console.log(`${files.length} files; ${rounds} rounds; CPU ms per pass, medians: no rule ${base.toFixed(0)}, the rules alone summed ${total.toFixed(0)}`);
console.log('| rule | mode | default | findings | ms alone over no rule | share of the sum |');
console.log('|---|---|---|---:|---:|---:|');
for (const { rule, cost } of rows) {
  console.log(`| ${rule.id} | ${rule.flow ? 'flow' : rule.inside ? 'scoped' : 'query'} | ${rule.optIn ? "off" : "on"} | ${found.get(rule.id)} | ${cost.toFixed(0)} | ${((100 * Math.max(0, cost)) / total).toFixed(1)}% |`);
}
