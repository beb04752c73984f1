import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

describe('diffsec scan --write-baseline / --baseline', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo();
    repo.write('app/run.py', 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n');
    repo.commit('old code');
  });
  afterEach(() => repo.remove());

  it('a baseline written from one folder hides those findings from any folder, and only those', async () => {
    const written = await runCli(['scan', '--write-baseline', 'diffsec-baseline.json', '.'], { cwd: repo.dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('DS101');
    expect(JSON.parse(readFileSync(join(repo.dir, 'diffsec-baseline.json'), 'utf8')).findings).toEqual([expect.objectContaining({ rule: 'DS101', path: 'app/run.py', line: 5 })]);

    // Old code moves down and a new finding arrives: only the new one is reported, from app/ too.
    repo.write('app/run.py', 'import os\nimport subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n\n\ndef other(cmd):\n    os.system(cmd)\n');
    const checked = await runCli(['scan', '--baseline', '../diffsec-baseline.json', '.'], { cwd: join(repo.dir, 'app') });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('DS102');
    expect(checked.stdout).not.toContain('DS101');
    expect(checked.stderr).toContain('1 finding in the baseline not reported');

    repo.write('app/run.py', 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n');
    expect((await runCli(['scan', '--baseline', 'diffsec-baseline.json', '.'], { cwd: repo.dir })).code).toBe(0);
  });

  it('a file that is not a baseline is a usage error (exit 2) naming it', async () => {
    writeFileSync(join(repo.dir, 'bad.json'), '{"findings": []}');
    const run = await runCli(['scan', '--baseline', 'bad.json', '.'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: not a diffsec baseline/);
    expect((await runCli(['scan', '--baseline', 'missing.json', '.'], { cwd: repo.dir })).stderr).toMatch(/--baseline .*missing\.json: cannot read it \(ENOENT\)/);
  });
});
