#!/usr/bin/env node
// Recall of Bandit's medium and high findings by diffsec, by (file, line), per Bandit test id.
// Reads the two JSON reports of a run over the same folder (paths as both tools print them):
//
//   bandit -r -f json -o bandit.json examples
//   node bin/diffsec.js scan --format json --output diffsec.json examples
//   node bench/bandit-recall.mjs bandit.json diffsec.json [--markdown] [--misses]
//
// A Bandit finding counts as found when an unsuppressed diffsec finding in the same file starts
// on a line of Bandit's `line_range` (Bandit reports a multi-line call on its first line, diffsec
// on the line of the part that matters, e.g. the `shell=True` keyword). "any rule" accepts a
// finding of any rule; "same id" only a rule whose `bandit:` aliases include Bandit's test id.
// Prints a table per test id and the totals; --misses lists every missed finding.
import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 2) {
  console.error('usage: node bench/bandit-recall.mjs BANDIT.json DIFFSEC.json [--markdown] [--misses]');
  process.exit(2);
}
const markdown = args.includes('--markdown');
const showMisses = args.includes('--misses');

const bandit = JSON.parse(readFileSync(files[0], 'utf8'));
const diffsec = JSON.parse(readFileSync(files[1], 'utf8'));

// A finding's JSON names one Bandit alias; a rule's YAML lists them all (DS111 covers B313-B319).
const rulesDir = fileURLToPath(new URL('../rules', import.meta.url));
const aliases = new Map();
for (const entry of readdirSync(rulesDir, { recursive: true })) {
  if (!String(entry).endsWith('.yaml')) continue;
  const rule = parse(readFileSync(join(rulesDir, String(entry)), 'utf8'));
  aliases.set(rule.id, rule.bandit ?? []);
}

const byFile = new Map();
for (const f of diffsec.findings) {
  if (f.suppressed) continue;
  const key = normalize(f.path);
  if (!byFile.has(key)) byFile.set(key, []);
  byFile.get(key).push(f);
}

const wanted = bandit.results.filter((r) => r.issue_severity === 'MEDIUM' || r.issue_severity === 'HIGH');
const perId = new Map();
const misses = [];
for (const r of wanted) {
  const lines = new Set(r.line_range?.length ? r.line_range : [r.line_number]);
  lines.add(r.line_number);
  const candidates = (byFile.get(normalize(r.filename)) ?? []).filter((f) => lines.has(f.line));
  const any = candidates.length > 0;
  const same = candidates.some((f) => f.bandit === r.test_id || (aliases.get(f.rule) ?? []).includes(r.test_id));
  const row = perId.get(r.test_id) ?? { id: r.test_id, name: r.test_name, total: 0, any: 0, same: 0 };
  row.total++;
  if (any) row.any++;
  if (same) row.same++;
  perId.set(r.test_id, row);
  if (!any) misses.push(`${r.filename}:${r.line_number}: ${r.test_id} ${r.issue_severity.toLowerCase()} ${r.issue_text}`);
}

const rows = [...perId.values()].sort((a, b) => a.id.localeCompare(b.id));
const total = rows.reduce((s, r) => s + r.total, 0);
const any = rows.reduce((s, r) => s + r.any, 0);
const same = rows.reduce((s, r) => s + r.same, 0);
const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

if (markdown) {
  console.log('| Bandit id | Bandit name | Bandit medium+high | found (any rule) | recall | found (same id) |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.id} | \`${r.name}\` | ${r.total} | ${r.any} | ${pct(r.any, r.total)} | ${r.same} |`);
  console.log(`| **all** | | **${total}** | **${any}** | **${pct(any, total)}** | **${same}** (${pct(same, total)}) |`);
} else {
  for (const r of rows) console.log(`${r.id.padEnd(5)} ${String(r.any).padStart(3)}/${String(r.total).padEnd(3)} ${pct(r.any, r.total).padStart(6)}  ${r.name}`);
  console.log(`total ${any}/${total} = ${pct(any, total)} (any rule); ${same}/${total} = ${pct(same, total)} (rule carrying the same Bandit id)`);
}
if (showMisses) for (const m of misses) console.log(m);
