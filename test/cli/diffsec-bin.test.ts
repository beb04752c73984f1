import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';

const ROOT = process.cwd();

/**
 * The one end-to-end test: the built CLI (bin/diffsec.js → dist/) as a child process on a real
 * git repository. It builds first, in beforeAll, so it never runs a stale dist/.
 */
describe('bin/diffsec.js', () => {
  let repo: TempRepo;
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
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
