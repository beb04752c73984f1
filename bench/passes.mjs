#!/usr/bin/env node
// Where one process's scan time goes, first pass against later ones: every .py file under DIR is
// scanned with every bundled rule (those off by default included) N times in one process, and each
// pass is timed, split into tree-sitter parsing, query matching (`Query.matches`) and the rest
// (the rules' JavaScript: text anchors, predicates, the flow layer). The first pass also compiles
// the queries and warms the JIT: what every CLI run pays once, and each scanning thread again.
// docs/performance.md ("What the cost is made of") quotes it.
//
// Usage: node bench/passes.mjs [--passes N] [--root DIR] CORPUS_DIR
//   --root: another build's checkout (its dist/ and rules/), e.g. the pre-flow build, to compare.
// Needs dist/ (npm run build) and, for the corpus, bench/fetch-corpus.sh.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Parser from 'tree-sitter';

const { values, positionals } = parseArgs({ options: { passes: { type: 'string', default: '3' }, root: { type: 'string' } }, allowPositionals: true });
const passes = Number(values.passes);
if (!Number.isInteger(passes) || passes < 2 || positionals.length !== 1) throw new Error('usage: node bench/passes.mjs [--passes N>=2] [--root DIR] CORPUS_DIR');
const root = resolve(values.root ?? join(import.meta.dirname, '..'));
const { loadRules } = await import(join(root, 'dist/src/rules/load-rules.js'));
const { compileRules } = await import(join(root, 'dist/src/rules/compile-rules.js'));
const { scanSource } = await import(join(root, 'dist/src/analysis/scan-source.js'));

// Time inside the binding's parse and match calls (the build under test loads this same package).
const inside = { parse: 0, matches: 0 };
const timed = (proto, name, key) => {
  const original = proto[name];
  proto[name] = function (...args) {
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      inside[key] += performance.now() - start;
    }
  };
};
timed(Parser.prototype, 'parse', 'parse');
timed(Parser.Query.prototype, 'matches', 'matches');

function* pythonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* pythonFiles(path);
    else if (entry.name.endsWith('.py')) yield path;
  }
}

const files = [...pythonFiles(resolve(positionals[0]))].map((path) => ({ path, source: readFileSync(path, 'utf8') }));
const compiled = compileRules(loadRules(join(root, 'rules')), { validate: false });
console.log(`${files.length} files, ${root}: ms per pass (CPU of this process; parse and matching are wall time inside those calls)`);
console.log('| pass | CPU | parse | Query.matches | rest |');
console.log('|---:|---:|---:|---:|---:|');
for (let pass = 1; pass <= passes; pass++) {
  inside.parse = inside.matches = 0;
  const before = process.cpuUsage();
  for (const { path, source } of files) {
    scanSource(path, source, compiled, { timeBudgetMs: 3_600_000, maxFindings: 1_000_000 });
    // The binding frees each tree when control returns to the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(before);
  const cpu = (used.user + used.system) / 1000;
  console.log(`| ${pass} | ${cpu.toFixed(0)} | ${inside.parse.toFixed(0)} | ${inside.matches.toFixed(0)} | ${(cpu - inside.parse - inside.matches).toFixed(0)} |`);
}
