// Times one in-thread scan of each hostile input (issue 14) with the built engine (dist/).
// Usage: node bench/hostile-inputs.mjs [name...]   (names: calls20k calls40k ds203)
// Prints one line per input: name, size, wall time, findings, skipped reason if any.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// DIST=path/to/other/dist times another build (e.g. before a change); rules come from this checkout.
const dist = process.env.DIST ?? `${root}dist`;
const { loadRules } = await import(`${dist}/src/rules/load-rules.js`);
const { compileRules } = await import(`${dist}/src/rules/compile-rules.js`);
const { scanSource } = await import(`${dist}/src/analysis/scan-source.js`);

const calls = (n) => `import os\nx = ${Array.from({ length: n }, () => 'os.system(a)').join('+')}\n`;
const INPUTS = {
  calls20k: () => calls(20_000),
  calls40k: () => calls(40_000),
  // A URL-looking string with many ':' and no '@': what made DS203's regex backtrack.
  ds203: () => `import requests\nrequests.get("a://${'b'.repeat(1000)}${':c'.repeat(180_000)}")\n`,
};

// RULES=path/to/rules times other rules (e.g. before a change); the snapshot is used only when it matches them.
const rules = loadRules(process.env.RULES ?? `${root}rules`, { snapshot: `${dist}/bundled-rules.json` });
const compiled = compileRules(rules, { validate: false });
// Limits (finding cap, time budget; older builds ignore them): off, so the raw cost is timed, unless
// DEFAULT_LIMITS=1 (the defaults: 1,000 findings, 10 s).
const options = process.env.DEFAULT_LIMITS ? {} : { maxFindings: Number.MAX_SAFE_INTEGER, timeBudgetMs: Number.MAX_SAFE_INTEGER };
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(INPUTS);
for (const name of names) {
  const source = INPUTS[name]();
  const started = performance.now();
  const scan = scanSource('hostile.py', source, compiled, options);
  const ms = Math.round(performance.now() - started);
  console.log(`${name}\t${(source.length / 1024).toFixed(0)} KiB\t${(ms / 1000).toFixed(2)} s\t${scan.findings.length} findings${scan.incomplete ? `\tincomplete: ${scan.incomplete}` : ''}`);
}
