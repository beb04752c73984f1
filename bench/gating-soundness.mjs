#!/usr/bin/env node
// Checks that text gating loses nothing on real code: scans every .py file under the given
// directories (default: the benchmark corpus) twice with every bundled rule, gated and with
// `gate: false`, and prints every file whose findings differ. Exits 1 on any difference.
// Needs dist/ (npm run build) and, for the default, bench/fetch-corpus.sh.
//
// Usage: node bench/gating-soundness.mjs [DIR...]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanSource } from '../dist/src/analysis/scan-source.js';
import { bundledRulesDir } from '../dist/src/package-root.js';
import { compileRules } from '../dist/src/rules/compile-rules.js';
import { loadRules } from '../dist/src/rules/load-rules.js';

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['ironic', 'nova'].map((c) => join(import.meta.dirname, '.cache/corpus', c));
const rules = loadRules(bundledRulesDir());
const gated = compileRules(rules);
const ungated = compileRules(rules, { gate: false });
// No time budget or finding cap that a busy machine could hit: a scan stopped early would differ for that reason alone.
const LIMITS = { timeBudgetMs: 3_600_000, maxFindings: 1_000_000 };
const findings = (path, source, compiled) => {
  const scan = scanSource(path, source, compiled, LIMITS);
  if (scan.incomplete) throw new Error(`${path}: ${scan.incomplete}`);
  return scan.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`).sort();
};

function* pythonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* pythonFiles(path);
    else if (entry.name.endsWith('.py')) yield path;
  }
}

let files = 0;
let found = 0;
let differing = 0;
for (const dir of dirs) {
  for (const path of pythonFiles(dir)) {
    const source = readFileSync(path, 'utf8');
    const expected = findings(path, source, ungated);
    const actual = findings(path, source, gated);
    files += 1;
    found += expected.length;
    if (actual.join('\n') !== expected.join('\n')) {
      differing += 1;
      console.log(`${path}\n  gated:   ${actual.join('\n           ') || '(none)'}\n  ungated: ${expected.join('\n           ') || '(none)'}`);
    }
    // The native binding frees trees only when control returns to the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
console.log(`${files} files, ${found} findings without gating, ${differing} files where gating changes them`);
process.exitCode = differing > 0 ? 1 : 0;
