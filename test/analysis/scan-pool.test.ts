import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import type { ScanPool as ScanPoolType } from '../../src/analysis/scan-pool.js';
import type { ScanThreads as ScanThreadsType } from '../../src/analysis/scan-threads.js';
import type { runReview as RunReview, ReviewSource, FileContent } from '../../src/review.js';
import type { Rule } from '../../src/rules/rule.js';
import { makeRule } from '../helpers/make-rule.js';

/**
 * Worker processes need compiled JavaScript: this file compiles src/ once into a temporary folder
 * (not dist/, which another test builds at the same time) and drives the pool from there.
 */
const ROOT = process.cwd();
let out: string;
let ScanPool: typeof ScanPoolType;
let ScanThreads: typeof ScanThreadsType;
let runReview: typeof RunReview;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'diffsec-pool-'));
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT, stdio: 'pipe' });
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  ({ ScanPool } = await import(join(out, 'src/analysis/scan-pool.js')));
  ({ ScanThreads } = await import(join(out, 'src/analysis/scan-threads.js')));
  ({ runReview } = await import(join(out, 'src/review.js')));
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const rules = [makeRule(), makeRule({ id: 'DS902', name: 'eval-call', severity: 'medium', where: { callee: { 'resolves-to': ['eval'] } } })];

function memorySource(files: Record<string, string>): ReviewSource {
  return {
    async listFiles() {
      return Object.keys(files).map((path) => ({ path, status: 'modified' as const, diff: null }));
    },
    async *readFiles(paths: string[]): AsyncIterable<FileContent> {
      for (const path of paths) yield { path, bytes: new TextEncoder().encode(files[path]!) };
    },
  };
}

/** Many findings on many lines: seconds of scanning, far past a short deadline. */
const hostile = `import os\n${'os.system(a)\n'.repeat(100_000)}`;

describe('ScanPool', () => {
  it('kills a worker past its deadline, reports that file incomplete and scans the next on a new worker', async () => {
    const pool = new ScanPool(rules, 1, { deadlineMs: 500 });
    try {
      const source = memorySource({ 'a_hostile.py': hostile, 'b_ok.py': 'import os\nos.system(x)\n' });
      const result = await runReview(source, { config: parseConfig({ max_file_bytes: 5_000_000 }), rules, pool, limits: { maxFindings: 1e9 } });
      expect(result.skipped).toEqual([{ path: 'a_hostile.py', reason: expect.stringMatching(/^not fully analysed: the scan took longer than its time budget/), incomplete: true }]);
      expect(result.findings.map((f) => [f.path, f.line])).toEqual([['b_ok.py', 2]]);
      expect(pool.size).toBe(1);
      // The replacement worker serves the next review too.
      const again = await runReview(memorySource({ 'c.py': 'import os\nos.system(y)\n' }), { config: DEFAULT_CONFIG, rules, pool });
      expect(again.findings.map((f) => f.path)).toEqual(['c.py']);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('serves reviews with different rule selections and severities from one pool, and reports the finding cap', async () => {
    const pool = new ScanPool(rules, 2);
    try {
      const source = memorySource({ 'a.py': 'import os\nos.system(x)\neval(y)\n' });
      const all = await runReview(source, { config: DEFAULT_CONFIG, rules, pool });
      const some = await runReview(source, { config: parseConfig({ rules: { disable: ['DS901'], severity: { DS902: 'high' } } }), rules, pool });
      expect(all.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DS901', 'high'], ['DS902', 'medium']]);
      expect(some.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DS902', 'high']]);
      const capped = await runReview(source, { config: DEFAULT_CONFIG, rules, pool, limits: { maxFindings: 1 } });
      expect(capped.findings).toHaveLength(1);
      expect(capped.skipped).toEqual([{ path: 'a.py', reason: 'partly analysed: stopped after 1 findings (the per-file cap)', incomplete: true }]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('ScanThreads', () => {
  /** Files a review spreads over threads (more than POOL_AFTER), each with a finding on a line of its own. */
  const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`m${String(i).padStart(2, '0')}.py`, `import os\n${'x = 1\n'.repeat(i)}os.system(x)\neval(y)\n`]));

  it('gives the same findings as one thread, and a thread answers as this thread does', async () => {
    const source = memorySource(many);
    const alone = await runReview(source, { config: DEFAULT_CONFIG, rules, jobs: 1 });
    const spread = await runReview(source, { config: DEFAULT_CONFIG, rules, jobs: 2, workers: 'threads' });
    expect(spread.findings).toEqual(alone.findings);
    expect(spread.findings).toHaveLength(120);
    expect(spread.stats.files).toBe(60);
    const threads = new ScanThreads(1, rules);
    try {
      for (const path of ['m00.py', 'm31.py', 'm59.py']) {
        const scan = await threads.scan(path, many[path]!);
        expect(scan.findings).toEqual(alone.findings.filter((f) => f.path === path).map((f) => ({ ...f, scope: 'file' })));
      }
    } finally {
      await threads.close();
    }
  }, 60_000);

  it('lets the files in flight finish on close, then refuses more', async () => {
    const threads = new ScanThreads(2, rules);
    const pending = Object.entries(many).slice(0, 10).map(([path, text]) => threads.scan(path, text));
    const closing = threads.close();
    const scans = await Promise.all(pending);
    await closing;
    expect(scans.map((s) => s.findings.length)).toEqual(Array(10).fill(2));
    expect(threads.size).toBe(0);
    await expect(threads.scan('late.py', 'eval(x)\n')).rejects.toThrow('scan threads closed');
  }, 60_000);

  it('reports a rule that crashes inside a thread on that file, and the thread scans on', async () => {
    // A predicate no engine has: evaluating it throws inside the thread's scan.
    const broken = { ...makeRule({ id: 'DS903', name: 'broken' }), where: { callee: [{ name: 'no-such-predicate', arg: true, negated: false }] } } as unknown as Rule;
    const threads = new ScanThreads(1, [broken, ...rules]);
    try {
      const first = await threads.scan('a.py', 'import os\nos.system(x)\n');
      const second = await threads.scan('b.py', 'eval(y)\n');
      expect(first.errors).toEqual([expect.stringMatching(/^rule DS903 .* failed at line 2/)]);
      expect(first.findings.map((f) => f.ruleId)).toEqual(['DS901']);
      expect(second.findings.map((f) => f.ruleId)).toEqual(['DS902']);
    } finally {
      await threads.close();
    }
  }, 60_000);
});
