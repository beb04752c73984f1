#!/usr/bin/env node
// Which `where:` predicates of the bundled rules no fixture line depends on: each predicate call is
// removed in turn and the rule run alone on its fixtures; when the flagged lines stay the same, no
// line tests that predicate (a missing look-alike, or an exclusion another predicate also makes).
// A map for writing fixtures, not a verdict: `is-test-file` and `is-migration-file` hold on no
// fixture by design. Needs dist/ (npm run build). Flow lists' own `where:` are not mutated.
//
// Usage: node bench/untested-predicates.mjs [--rules DS101,DS205]
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { scanSource } from '../dist/src/analysis/scan-source.js';
import { bundledRulesDir } from '../dist/src/package-root.js';
import { compileRules } from '../dist/src/rules/compile-rules.js';
import { loadRules } from '../dist/src/rules/load-rules.js';

const { values } = parseArgs({ options: { rules: { type: 'string' } } });
const wanted = values.rules ? new Set(values.rules.split(',')) : null;
const LIMITS = { timeBudgetMs: 3_600_000, maxFindings: 1_000_000 };

/** The lines a rule, run alone, flags in each of its fixtures. */
function flagged(rule, fixtures) {
  const compiled = compileRules([rule], { validate: false });
  return fixtures.map(({ path, source }) => scanSource(path, source, compiled, LIMITS).findings.filter((f) => f.ruleId === rule.id).map((f) => f.line).join(',')).join('|');
}

let untested = 0;
let total = 0;
for (const rule of loadRules(bundledRulesDir())) {
  if (wanted && !wanted.has(rule.id)) continue;
  const stem = basename(rule.file, '.yaml');
  const dir = dirname(rule.file);
  const fixtures = readdirSync(dir)
    .filter((name) => name.startsWith(stem) && name.endsWith('.py'))
    .map((name) => ({ path: join(dir, name), source: readFileSync(join(dir, name), 'utf8') }));
  const base = flagged(rule, fixtures);
  for (const [capture, calls] of Object.entries(rule.where)) {
    calls.forEach((call, i) => {
      total++;
      const rest = calls.filter((_, j) => j !== i);
      const where = { ...rule.where, [capture]: rest };
      if (rest.length === 0) delete where[capture];
      if (flagged({ ...rule, where }, fixtures) !== base) return;
      untested++;
      console.log(`${rule.id} ${capture}: ${call.negated ? 'not ' : ''}${call.name} ${JSON.stringify(call.arg).slice(0, 80)}`);
    });
  }
}
console.log(`${untested} of ${total} predicate calls change no fixture line when removed`);
