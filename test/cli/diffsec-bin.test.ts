import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';

const ROOT = process.cwd();

/**
 * The one end-to-end test of the CLI: the built CLI (bin/diffsec.js → dist/) as a child process on
 * a real git repository. jest's globalSetup (test/support/build-dist.mjs) rebuilt a stale dist/.
 */

describe('bin/diffsec.js', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('app/run.py', 'import os\nimport subprocess\n\n\ndef run(x, cmd):\n    os.system(x)\n');
    repo.commit('first');
    repo.write('app/run.py', 'import os\nimport subprocess\n\n\ndef run(x, cmd):\n    os.system(x)\n    subprocess.call(cmd, shell=True)\n');
    repo.commit('second');
  }, 180_000);
  afterAll(() => repo?.remove());

  it('reports only the line the last commit added, and exits 1', () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawnSync(process.execPath, [join(ROOT, 'bin/diffsec.js'), 'diff', '--format', 'json', '--base', 'HEAD~1'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    const report = JSON.parse(child.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.rule, f.path, f.line, f.scope, f.suppressed])).toEqual([['DS101', 'app/run.py', 7, 'changed', false]]);
  });
});

describe('bin/diffsec.js on many files', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo();
    for (let i = 0; i < 40; i++) {
      repo.write(`pkg/m${i}.py`, i % 3 === 0 ? `import subprocess\n\n\ndef run_${i}(cmd):\n    subprocess.call(cmd, shell=True)\n` : `def f_${i}(x):\n    return x + ${i}\n`);
    }
    repo.write('pkg/broken.py', 'def broken(:\n    pass\n');
  }, 180_000);
  afterAll(() => repo?.remove());

  it('finds the same on two scanning processes, on two threads started early, and by default, as on one thread', () => {
    const scan = (jobs: string | undefined, variable = 'DIFFSEC_JOBS') => {
      const env: Record<string, string | undefined> = { ...process.env, [variable]: jobs };
      if (jobs === undefined) delete env[variable];
      delete env.DIFFSEC_THREADS;
      delete env.NODE_OPTIONS;
      const child = spawnSync(process.execPath, [join(ROOT, 'bin/diffsec.js'), 'scan', 'pkg', '--format', 'json'], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(child.stderr).toBe('');
      const report = JSON.parse(child.stdout) as JsonReport;
      return { code: child.status, findings: report.findings.map((f) => [f.rule, f.path, f.line, f.fingerprint]), files: report.stats.files, errors: report.errors };
    };
    const one = scan('1');
    const two = scan('2');
    expect(two).toEqual(one);
    expect(scan('2', 'DIFFSEC_THREADS')).toEqual(one);
    expect(scan(undefined)).toEqual(one);
    expect(one.findings).toHaveLength(14);
    expect(one.files).toBe(41);
    expect(one.code).toBe(1);
  });
});
