import { defaultBase, repositoryRoot, resolveCommit } from '../../src/cli/git-refs.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';

describe('git refs', () => {
  const repos: TempRepo[] = [];
  const repo = (branch?: string) => {
    const r = makeRepo(branch);
    repos.push(r);
    return r;
  };
  afterAll(() => repos.forEach((r) => r.remove()));

  /** A default branch with two commits and a feature branch forked at the first. */
  function forked(branch: string): { r: TempRepo; fork: string } {
    const r = repo(branch);
    r.write('a.py', 'x = 1\n');
    const fork = r.commit('one');
    r.git('checkout', '-q', '-b', 'feature');
    r.write('a.py', 'x = 2\n');
    r.commit('feature work');
    r.git('checkout', '-q', branch);
    r.write('b.py', 'y = 1\n');
    r.commit('main moved on');
    r.git('checkout', '-q', 'feature');
    return { r, fork };
  }

  it('uses the merge-base with main, or else master', async () => {
    for (const branch of ['main', 'master']) {
      const { r, fork } = forked(branch);
      expect(await defaultBase(r.dir, 'HEAD')).toBe(fork);
    }
  });

  it('prefers origin/HEAD when the clone knows it', async () => {
    const { r, fork } = forked('main');
    r.git('branch', '-q', 'trunk', fork);
    r.git('update-ref', 'refs/remotes/origin/trunk', fork);
    r.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    r.git('checkout', '-q', 'main');
    // main is ahead of origin/trunk: against origin/HEAD the base is the fork, not main's tip.
    expect(await defaultBase(r.dir, 'HEAD')).toBe(fork);
  });

  it('asks for --base when there is no default branch', async () => {
    const r = repo('develop');
    r.commit('one');
    await expect(defaultBase(r.dir, 'HEAD')).rejects.toThrow(new UsageError('cannot find the default branch (no origin/HEAD, main or master); pass --base REF'));
  });

  it('resolves refs to commit ids and refuses what is not one', async () => {
    const r = repo();
    const one = r.commit('one');
    r.commit('two');
    expect(await resolveCommit(r.dir, 'HEAD~1', '--base')).toBe(one);
    await expect(resolveCommit(r.dir, 'nope', '--base')).rejects.toThrow(`--base nope: not a commit in ${r.dir}`);
    await expect(resolveCommit(r.dir, '--output=/tmp/x', '--base')).rejects.toThrow('--base --output=/tmp/x: not a ref');
  });

  it('finds the top folder from a subfolder, and says when there is no repository', async () => {
    const r = repo();
    r.write('pkg/mod.py', 'x = 1\n');
    expect(await repositoryRoot(`${r.dir}/pkg`)).toBe(r.git('rev-parse', '--show-toplevel'));
    await expect(repositoryRoot('/')).rejects.toThrow('/: not inside a git repository');
  });
});
