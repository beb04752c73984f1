import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const VULN = 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n';
const FIXED = 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd)\n';

/**
 * The scenario: feature branches from main; then main fixes a finding (a.py) and adds a
 * file (added_on_main.py). The pull request itself adds feature.py with one finding.
 */
describe('diffsec diff --base: the merge-base, as GitHub diffs a pull request', () => {
  let repo: TempRepo;
  let fork: string;
  let mainTip: string;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('a.py', VULN);
    fork = repo.commit('fork point');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('feature.py', 'import os\n\n\ndef f(x):\n    os.system(x)\n');
    repo.commit('feature');
    repo.git('checkout', '-q', 'main');
    repo.write('a.py', FIXED);
    repo.write('added_on_main.py', 'x = 1\n');
    mainTip = repo.commit('main fixes a.py and adds a file');
    repo.git('checkout', '-q', 'feature');
  });
  afterAll(() => repo.remove());

  const diff = async (...args: string[]) => {
    const run = await runCli(['diff', '--format', 'json', ...args], { cwd: repo.dir });
    return { ...run, report: JSON.parse(run.stdout || 'null') as JsonReport | null };
  };

  it("reports only the branch's own change, not main's later fix or new file", async () => {
    const run = await diff('--base', 'main');
    expect(run.stderr).toBe('');
    expect(run.report!.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['feature.py:5']);
    expect(run.report!.skipped).toEqual([]);
  });

  it('--base-exact keeps the two-dot comparison with the ref itself', async () => {
    const run = await diff('--base-exact', 'main');
    // Against main's tip, a.py's vulnerable line is "added" back and main's file is "removed".
    expect(run.report!.findings.map((f) => f.path)).toEqual(['a.py', 'feature.py']);
    expect(run.report!.skipped).toEqual([{ path: 'added_on_main.py', reason: 'removed by this change' }]);
    expect(await diff('--base-exact', fork)).toMatchObject({ code: 1 });
  });

  it('refuses --base with --base-exact', async () => {
    expect(await runCli(['diff', '--base', 'main', '--base-exact', 'main'], { cwd: repo.dir })).toMatchObject({ code: 2, stderr: 'diffsec diff: give --base or --base-exact, not both\n' });
  });

  it('warns when the base and the head are the same commit', async () => {
    const run = await diff('--base', 'main', '--head', 'main');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`diffsec: warning: the base and the head are the same commit (${mainTip.slice(0, 12)}); there is nothing to review\n`);
    expect(run.report!.findings).toEqual([]);
  });

  it('in a shallow clone without the merge-base, says to fetch more history and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diffsec-shallow-'));
    try {
      const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
      execFileSync('git', ['clone', '-q', '--depth=1', '--no-single-branch', '--branch', 'feature', `file://${repo.dir}`, dir], { env });
      const run = await runCli(['diff', '--base', 'origin/main'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^diffsec: --base origin\/main and HEAD have no merge-base in this shallow clone: fetch more history \(actions\/checkout with `fetch-depth: 0`/);
      // The default base (origin/HEAD, here main) fails the same way rather than falling back to main's tip.
      execFileSync('git', ['remote', 'set-head', 'origin', 'main'], { cwd: dir, env });
      expect((await runCli(['diff'], { cwd: dir })).stderr).toMatch(/no merge-base in this shallow clone/);
      // Comparing with the ref itself is still possible when asked for by name.
      expect((await runCli(['diff', '--base-exact', 'origin/main', '--format', 'json'], { cwd: dir })).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
