import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const OLD = 'import os\nimport subprocess\n\n\ndef old(x):\n    subprocess.call(x, shell=True)\n';
const NEW = `${OLD}\n\ndef new(cmd):\n    subprocess.run(cmd, shell=True)\n`;

describe('diffsec diff', () => {
  let repo: TempRepo;
  let first: string;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('app/tasks.py', OLD);
    // Unlike README.md below, so that git's rename detection does not pair the two.
    repo.write('app/gone.py', 'import json\n\n\ndef gone(text):\n    return json.loads(text)\n');
    first = repo.commit('first');
    repo.write('app/tasks.py', NEW);
    repo.git('rm', '-q', 'app/gone.py');
    repo.write('README.md', 'subprocess.call(x, shell=True)\n');
    repo.commit('second');
  });
  afterAll(() => repo.remove());

  const diff = async (...args: string[]) => {
    const run = await runCli(['diff', '--format', 'json', ...args], { cwd: repo.dir });
    return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as JsonReport) : null };
  };

  it('reports only findings on lines changed since --base, with repository-relative paths', async () => {
    const run = await diff('--base', first);
    expect(run.stderr).toBe('');
    expect(run.report!.findings.map((f) => [f.path, f.line, f.rule, f.scope])).toEqual([['app/tasks.py', 10, 'DS101', 'changed']]);
    expect(run.report!.stats).toMatchObject({ files: 1, outsideDiff: 1 });
    expect(run.report!.skipped).toEqual([{ path: 'app/gone.py', reason: 'removed by this change' }]);
    expect(run.code).toBe(1);
  });

  it('defaults to the merge-base with main and HEAD, and works from a subfolder with --repo', async () => {
    repo.git('checkout', '-q', '-b', 'feature', first);
    try {
      repo.write('app/feature.py', 'import subprocess\nsubprocess.call(cmd, shell=True)\n');
      repo.commit('feature');
      const run = await runCli(['diff', '--format', 'json', '--repo', join(repo.dir, 'app')], { cwd: '/' });
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['app/feature.py:2']);
      const between = await diff('--base', 'main', '--head', 'main');
      expect(between.report!.findings).toEqual([]);
      expect(between.code).toBe(0);
    } finally {
      repo.git('checkout', '-q', 'main');
    }
  });

  it('with --worktree sees uncommitted edits and untracked files, but not ignored ones', async () => {
    const head = repo.git('rev-parse', 'HEAD');
    repo.write('app/tasks.py', `${NEW}    subprocess.Popen(cmd, shell=True)\n`);
    repo.write('app/scratch.py', 'import subprocess\nsubprocess.call(cmd, shell=True)\n');
    repo.write('.gitignore', 'build/\n');
    repo.write('build/gen.py', 'import subprocess\nsubprocess.call(cmd, shell=True)\n');
    symlinkSync('/etc/hostname', join(repo.dir, 'app/link.py'));
    try {
      const run = await diff('--worktree', '--base', head);
      expect(run.report!.findings.map((f) => [f.path, f.line, f.scope])).toEqual([
        ['app/scratch.py', 2, 'file'],
        ['app/tasks.py', 11, 'changed'],
      ]);
      expect(run.report!.skipped).toEqual([{ path: 'app/link.py', reason: 'symbolic link, not analysed' }]);
      // The committed range ignores the working tree.
      expect((await diff('--base', head)).report!.findings).toEqual([]);
    } finally {
      repo.git('checkout', '-q', '--', 'app/tasks.py');
      repo.git('clean', '-q', '-fdx');
    }
  });

  it('is a usage error outside a repository or with a ref that is not a commit', async () => {
    expect(await runCli(['diff', '--base', 'no-such-ref'], { cwd: repo.dir })).toEqual({ code: 2, stdout: '', stderr: `diffsec: --base no-such-ref: not a commit in ${repo.git('rev-parse', '--show-toplevel')}\n` });
    expect(await runCli(['diff'], { cwd: '/' })).toEqual({ code: 2, stdout: '', stderr: 'diffsec: /: not inside a git repository\n' });
  });
});
