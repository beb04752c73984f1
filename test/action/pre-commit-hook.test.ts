import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../src/parse-yaml.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
  pass_filenames?: boolean;
}

const ROOT = process.cwd();
const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** Runs a hook's entry as pre-commit does: the entry split on spaces, the staged file names appended, in the repository's top folder. */
function runHook(hook: Hook, repo: TempRepo, files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, ...args] = hook.entry.split(' ');
  // pre-commit puts the installed package's bin on PATH; here the bin is run from this checkout.
  expect(command).toBe('diffsec');
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/diffsec.js'), ...args, ...files], { cwd: repo.dir, env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'diffsec')!;
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('app/run.py', 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n');
    repo.write('app/keys.py', 'import random\n\n\ndef token():\n    api_key = "%032x" % random.getrandbits(128)\n    return api_key\n');
    repo.write('app/clean.py', 'def add(a, b):\n    return a + b\n');
    repo.commit('app');
  });
  afterAll(() => repo.remove());

  it('is a node hook over Python files that gets the file names', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'diffsec scan', types: ['python'] });
    expect(hook.pass_filenames).not.toBe(false);
  });

  it('fails the commit on findings in any of the files passed, naming each', async () => {
    const run = await runHook(hook, repo, ['app/run.py', 'app/clean.py', 'app/keys.py']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^app\/run\.py:5:\d+: DS101/m);
    expect(run.stdout).toMatch(/^app\/keys\.py:5:\d+: DS604/m);
    expect(run.stdout).toContain('in 3 files');
  });

  it('passes when the staged files are clean', async () => {
    const run = await runHook(hook, repo, ['app/clean.py']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
