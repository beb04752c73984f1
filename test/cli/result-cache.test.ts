import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceScan } from '../../src/analysis/scan-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { resultCache } from '../../src/cli/result-cache.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { makeRule } from '../helpers/make-rule.js';
import { runCli } from '../helpers/run-cli.js';

const SHELL = 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n';

describe('diffsec scan: the result cache', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo();
    repo.write('a.py', SHELL);
    repo.write('pkg/b.py', 'import os\nos.system(cmd)\n');
    repo.write('pkg/c.py', 'x = 1\n');
  });
  afterEach(() => repo.remove());

  const scan = (...args: string[]) => runCli(['scan', '--format', 'json', ...args], { cwd: repo.dir, env: { DIFFSEC_JOBS: '1' } });
  const cacheFile = () => join(repo.dir, '.diffsec_cache', 'scan-results.json');
  /** The cached scans, by path: a sentinel planted in one shows whether a run answered from it. */
  const entries = () => (JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, { scan: SourceScan }> }).entries;
  const plant = (path: string) => {
    const doc = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, { scan: SourceScan }> };
    doc.entries[path]!.scan.findings[0]!.message = 'FROM THE CACHE';
    writeFileSync(cacheFile(), JSON.stringify(doc));
  };
  const messages = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ path: string; message: string }> }).findings.map((f) => `${f.path}: ${f.message}`);

  it('answers a second scan of an unchanged tree from .diffsec_cache/ at the root, with identical output', async () => {
    const first = await scan();
    expect(Object.keys(entries()).sort()).toEqual(['a.py', 'pkg/b.py', 'pkg/c.py']);
    expect(readFileSync(join(repo.dir, '.diffsec_cache', '.gitignore'), 'utf8')).toContain('*');
    const second = await scan();
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '');
    expect(strip(second.stdout)).toBe(strip(first.stdout));
    expect(second.code).toBe(first.code);
    plant('a.py');
    expect(messages((await scan()).stdout)[0]).toBe('a.py: FROM THE CACHE');
    // The cache folder ignores itself: neither scanned nor listed by git.
    expect(repo.git('status', '--porcelain')).not.toContain('.diffsec_cache');
  });

  it('scans a file again when its content changes', async () => {
    await scan();
    plant('a.py');
    repo.write('a.py', `${SHELL}# edited\n`);
    expect(messages((await scan()).stdout)[0]).not.toContain('FROM THE CACHE');
  });

  it('is emptied by a change of config, or of a rule through it', async () => {
    await scan();
    plant('a.py');
    repo.write('.github/diffsec.yml', 'max_comments: 3\n');
    expect(messages((await scan()).stdout)[0]).not.toContain('FROM THE CACHE');
    plant('a.py');
    repo.write('.github/diffsec.yml', 'max_comments: 3\nrules: { severity: { DS102: low } }\n');
    expect(messages((await scan()).stdout)[0]).not.toContain('FROM THE CACHE');
  });

  it('is neither read nor written with --no-cache, and lives in $DIFFSEC_CACHE_DIR when set', async () => {
    await scan('--no-cache');
    expect(existsSync(cacheFile())).toBe(false);
    const elsewhere = mkdtempSync(join(tmpdir(), 'diffsec-cache-'));
    try {
      await runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: { DIFFSEC_CACHE_DIR: elsewhere } });
      expect(existsSync(join(elsewhere, 'scan-results.json'))).toBe(true);
      expect(existsSync(cacheFile())).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('resultCache', () => {
  const scanOf = (message: string): SourceScan => ({ findings: [{ message } as SourceScan['findings'][number]], errors: [], lines: 1 });
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'diffsec-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keys entries by path and text, and the whole cache by engine, rules and config', () => {
    const rule = makeRule({ id: 'DS101' });
    const cache = resultCache(dir, 'v1', [rule], DEFAULT_CONFIG);
    cache.set('a.py', 'x', scanOf('one'));
    cache.set('slow.py', 'x', { ...scanOf('cut'), incomplete: 'time budget' });
    cache.save();
    const again = () => resultCache(dir, 'v1', [rule], DEFAULT_CONFIG);
    expect(again().get('a.py', 'x')?.findings[0]?.message).toBe('one');
    expect(again().get('a.py', 'y')).toBeUndefined();
    expect(again().get('b.py', 'x')).toBeUndefined();
    expect(again().get('slow.py', 'x')).toBeUndefined();
    expect(resultCache(dir, 'v2', [rule], DEFAULT_CONFIG).get('a.py', 'x')).toBeUndefined();
    expect(resultCache(dir, 'v1', [{ ...rule, severity: 'low' }], DEFAULT_CONFIG).get('a.py', 'x')).toBeUndefined();
    expect(resultCache(dir, 'v1', [rule], { ...DEFAULT_CONFIG, maxFileBytes: 5 }).get('a.py', 'x')).toBeUndefined();
  });

  it('treats a corrupt cache file as empty', () => {
    writeFileSync(join(dir, 'scan-results.json'), '{not json');
    expect(resultCache(dir, 'v1', [], DEFAULT_CONFIG).get('a.py', 'x')).toBeUndefined();
  });
});
