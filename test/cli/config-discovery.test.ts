import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const SHELL = 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n';
const SYSTEM = 'import os\n\n\ndef run(cmd):\n    os.system(cmd)\n';

/** A repository with a DS101 (Bandit B602) and a DS102 (B605) finding in src/, and one DS101 in tests/. */
function project(): TempRepo {
  const repo = makeRepo();
  repo.write('src/a.py', SHELL);
  repo.write('src/b.py', SYSTEM);
  repo.write('tests/test_a.py', SHELL);
  return repo;
}

describe('the CLI finds the same config as the app', () => {
  const repos: TempRepo[] = [];
  const fresh = () => {
    const r = project();
    repos.push(r);
    return r;
  };
  afterAll(() => repos.forEach((r) => r.remove()));

  const scan = async (repo: TempRepo, cwd = repo.dir, ...args: string[]) => {
    const run = await runCli(['scan', '--format', 'json', '--no-cache', ...args], { cwd });
    return { ...run, found: run.stdout ? (JSON.parse(run.stdout) as JsonReport).findings.map((f) => `${f.path}:${f.rule}`) : null };
  };

  it('reads .github/diffsec.yml at the repository root, from a subfolder too, and ignores _extends with a note', async () => {
    const repo = fresh();
    repo.write('.github/diffsec.yml', '_extends: .github\nrules: { disable: [DS102] }\nper_file_ignores: { "tests/**": [DS101] }\n');
    repo.write('pyproject.toml', '[tool.diffsec]\nrules = { disable = ["DS101"] }\n');
    repo.commit('config');
    const run = await scan(repo);
    expect(run.found).toEqual(['src/a.py:DS101']);
    expect(run.stderr).toBe("diffsec: note: .github/diffsec.yml: _extends: .github is resolved by the GitHub App only; the CLI uses this file's own settings\n");
    expect((await scan(repo, `${repo.dir}/src`)).found).toEqual(['src/a.py:DS101']);
  });

  it('matches config globs from the repository root in the walk, whatever folder scan runs from', async () => {
    const repo = fresh();
    repo.write('src/legacy/old.py', SYSTEM);
    repo.write('.github/diffsec.yml', 'exclude: ["src/legacy/**"]\n');
    repo.commit('config');
    const fromRoot = (await scan(repo)).found;
    const fromSrc = (await scan(repo, `${repo.dir}/src`)).found;
    expect(fromRoot).not.toContain('src/legacy/old.py:DS102');
    expect(fromSrc).toEqual(fromRoot!.filter((f) => f.startsWith('src/')));
    expect(fromSrc).toContain('src/b.py:DS102');
  });

  it("reads pyproject.toml's [tool.diffsec] when there is no .github/diffsec.yml, and --config overrides both", async () => {
    const repo = fresh();
    repo.write('pyproject.toml', '[project]\nname = "x"\n\n[tool.diffsec]\nexclude = ["tests/"]\n\n[tool.diffsec.rules]\ndisable = ["DS101"]\n');
    repo.write('other.yml', 'rules: { disable: [DS102] }\n');
    repo.commit('config');
    expect(await scan(repo)).toMatchObject({ found: ['src/b.py:DS102'], stderr: '' });
    expect((await scan(repo, repo.dir, '--config', 'other.yml')).found).toEqual(['src/a.py:DS101', 'tests/test_a.py:DS101']);
    expect((await scan(repo, repo.dir, '--config', 'pyproject.toml')).found).toEqual(['src/b.py:DS102']);
  });

  it("falls back to Bandit's [tool.bandit] skips and exclude_dirs, then to a .bandit file", async () => {
    const repo = fresh();
    repo.write('pyproject.toml', '[tool.bandit]\nskips = ["B605", "B101"]\nexclude_dirs = ["tests", "./build/"]\n');
    repo.commit('bandit');
    const run = await scan(repo);
    expect(run.found).toEqual(['src/a.py:DS101']);
    expect(run.stderr).toBe("diffsec: note: no diffsec config: using Bandit's settings from pyproject.toml [tool.bandit]\n");
    repo.git('rm', '-q', 'pyproject.toml');
    repo.write('.bandit', '[bandit]\nexclude = tests\nskips = B602\n');
    expect((await scan(repo)).found).toEqual(['src/b.py:DS102']);
  });

  it('applies per_file_ignores in diff as in scan', async () => {
    const repo = fresh();
    const base = repo.commit('base');
    repo.write('.github/diffsec.yml', 'per_file_ignores:\n  "tests/**": [DS101]\n');
    repo.write('tests/test_b.py', SHELL);
    repo.write('src/c.py', SHELL);
    repo.commit('more');
    const run = await runCli(['diff', '--format', 'json', '--base', base], { cwd: repo.dir });
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((f) => f.path)).toEqual(['src/c.py']);
  });

  it('names the file and key of a bad setting, and an unreadable pyproject.toml', async () => {
    const repo = fresh();
    repo.write('.github/diffsec.yml', 'include: ["src/[abc/*.py"]\n');
    expect(await scan(repo)).toMatchObject({ code: 2, stderr: "diffsec: .github/diffsec.yml: 'include' has 'src/[abc/*.py' cannot match any path: '[' in '[abc' is never closed by ']' (write \\[ for a literal bracket)\n" });
    repo.git('rm', '-q', '--cached', '--ignore-unmatch', '.github/diffsec.yml');
    repo.write('.github/diffsec.yml', 'per_file_ignores: { "tests/**": [DS999] }\n');
    expect(await scan(repo)).toMatchObject({ code: 2, stderr: 'diffsec: .github/diffsec.yml: names rule DS999, which does not exist\n' });
    repo.write('.github/diffsec.yml', '');
    repo.write('pyproject.toml', '[tool.diffsec\n');
    // An empty .github/diffsec.yml is the defaults; pyproject.toml is not read then.
    expect((await scan(repo)).code).toBe(1);
  });
});
