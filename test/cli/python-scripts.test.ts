import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathSource } from '../../src/cli/path-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// Extensionless files whose first line is a Python shebang are reviewed, in every mode, where
// `include` would take `<path>.py`; everything else without an extension is left alone.
const SCRIPT = '#!/usr/bin/env python3\nimport subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n';
const BASH = '#!/bin/bash\nsubprocess.call(cmd, shell=True)\n';
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x23, 0x21]);

const findingPaths = (report: JsonReport | null) => [...new Set(report!.findings.map((f) => f.path))].sort();

describe('diffsec scan: Python scripts without an extension', () => {
  let root: string;
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const scan = async (args: string[], config?: string) => {
    const extra = config === undefined ? [] : ['--config', join(root, 'cfg.yml')];
    if (config !== undefined) writeFileSync(join(root, 'cfg.yml'), config);
    const run = await runCli(['scan', '--no-cache', '--format', 'json', ...extra, ...args], { cwd: root });
    return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as JsonReport) : null };
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'diffsec-scripts-'));
    write('bin/tool', SCRIPT);
    chmodSync(join(root, 'bin/tool'), 0o755);
    // Not executable: the shebang alone decides (GitHub's file list gives no mode).
    write('tools/plain', SCRIPT.replace('python3', 'python'));
    write('bin/run', BASH);
    write('bin/blob', ELF);
    write('bin/empty', '');
    // A name with an extension says what the file is: a .sh file is not looked into.
    write('bin/wrapper.sh', SCRIPT);
    write('src/app.py', SCRIPT.replace(/^#!.*\n/, ''));
    write('.venv/bin/pip', SCRIPT);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a walk reviews scripts with a Python shebang and nothing else without an extension', async () => {
    const run = await scan(['.']);
    expect(run.stderr).toBe('');
    expect(findingPaths(run.report)).toEqual(['bin/tool', 'src/app.py', 'tools/plain']);
    expect(run.report!.stats.files).toBe(3);
    expect(run.report!.skipped).toEqual([]);
  });

  it('pathSource marks the scripts it found, and lists them in name order with the rest', async () => {
    const files = await pathSource({ paths: ['.'], cwd: root, include: DEFAULT_CONFIG.include, exclude: DEFAULT_CONFIG.exclude, maxFileBytes: 1000 }).listFiles();
    expect(files.map((f) => [f.path, f.pythonScript ?? false])).toEqual([
      ['bin/tool', true],
      ['src/app.py', false],
      ['tools/plain', true],
    ]);
  });

  it('a script named on the command line is reviewed; a bash script named there is not, with a warning', async () => {
    const run = await scan(['bin/tool', 'bin/run']);
    expect(findingPaths(run.report)).toEqual(['bin/tool']);
    expect(run.stderr).toContain('warning: bin/run is not reviewed');
    expect(run.stderr).not.toContain('bin/tool');
  });

  it('include decides where scripts are looked for, as for <path>.py; exclude applies to the real name', async () => {
    expect(findingPaths((await scan(['.'], "include: ['src/**/*.py']\n")).report)).toEqual(['src/app.py']);
    expect(findingPaths((await scan(['.'], "include: ['src/**/*.py', 'bin/*.py']\n")).report)).toEqual(['bin/tool', 'src/app.py']);
    expect(findingPaths((await scan(['.'], "exclude: ['bin/']\n")).report)).toEqual(['src/app.py', 'tools/plain']);
    expect(findingPaths((await scan(['.'], "exclude: ['plain']\n")).report)).toEqual(['bin/tool', 'src/app.py']);
    const named = await scan(['bin/tool'], "include: ['src/**/*.py']\n");
    expect(named.report!.findings).toEqual([]);
    expect(named.stderr).toContain('warning: bin/tool is not reviewed');
  });

  it('python_shebang: false turns it off', async () => {
    expect(findingPaths((await scan(['.'], 'python_shebang: false\n')).report)).toEqual(['src/app.py']);
  });

  it('a FIFO without an extension is never opened to look for a shebang', async () => {
    const fifo = join(root, 'bin/pipe');
    execFileSync('mkfifo', [fifo]);
    try {
      const run = await scan(['bin']);
      expect(findingPaths(run.report)).toEqual(['bin/tool']);
      expect(run.report!.skipped).toEqual([]);
    } finally {
      rmSync(fifo);
    }
  }, 10_000);
});

describe('diffsec diff: Python scripts without an extension', () => {
  let repo: TempRepo;
  let base: string;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('README.md', 'hello\n');
    base = repo.commit('first');
    repo.write('bin/tool', SCRIPT);
    repo.write('bin/run', BASH);
    repo.write('bin/blob', ELF);
    repo.write('bin/big', `${SCRIPT}${'# padding\n'.repeat(200)}`);
    repo.commit('scripts');
  });
  afterAll(() => repo.remove());

  const diff = async (args: string[], config = '') => {
    writeFileSync(join(repo.dir, '.git', 'cfg.yml'), config);
    const run = await runCli(['diff', '--format', 'json', '--config', join(repo.dir, '.git', 'cfg.yml'), '--base-exact', base, ...args], { cwd: repo.dir });
    return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as JsonReport) : null };
  };

  it('reviews a changed script at the head commit, not the bash script or the binary', async () => {
    const run = await diff([]);
    expect(run.stderr).toBe('');
    expect(findingPaths(run.report)).toEqual(['bin/big', 'bin/tool']);
  });

  it('a script over max_file_bytes is listed as too large, as a .py file would be', async () => {
    const run = await diff([], 'max_file_bytes: 1000\n');
    expect(findingPaths(run.report)).toEqual(['bin/tool']);
    expect(run.report!.skipped).toEqual([{ path: 'bin/big', reason: `too large: ${SCRIPT.length + 2000} bytes, over the limit of 1000 (max_file_bytes)` }]);
  });

  it('with --worktree reads the first line from disk, untracked scripts included', async () => {
    repo.write('tools/new', SCRIPT);
    repo.write('bin/run', `${BASH}echo more\n`);
    try {
      const run = await diff(['--worktree']);
      expect(findingPaths(run.report)).toEqual(['bin/big', 'bin/tool', 'tools/new']);
      expect(findingPaths((await diff(['--worktree'], 'python_shebang: false\n')).report)).toEqual([]);
    } finally {
      repo.git('checkout', '-q', '--', 'bin/run');
      rmSync(join(repo.dir, 'tools'), { recursive: true });
    }
  });
});
