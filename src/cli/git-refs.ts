import { gitMaybe } from './git.js';
import { UsageError } from './usage-error.js';

/** Finding the commits and the repository `diffsec diff` works on. */

/**
 * The commit `diffsec diff` compares from when no --base is given: the merge-base of `head` with
 * the default branch — origin/HEAD when the clone knows it, else `main`, else `master` — so the
 * review covers what this branch added, not what the default branch gained since.
 */
export async function defaultBase(root: string, head: string): Promise<string> {
  const originHead = await gitMaybe(root, ['symbolic-ref', '-q', 'refs/remotes/origin/HEAD']);
  const candidates = [...(originHead ? [originHead] : []), 'main', 'master'];
  for (const branch of candidates) {
    if ((await gitMaybe(root, ['rev-parse', '--verify', '-q', `${branch}^{commit}`])) === null) continue;
    const base = await gitMaybe(root, ['merge-base', branch, head]);
    if (base === null) throw new UsageError(`${branch} and ${head} have no common ancestor; pass --base REF`);
    return base;
  }
  throw new UsageError('cannot find the default branch (no origin/HEAD, main or master); pass --base REF');
}

/** Resolves REF to a commit id, or throws a UsageError naming the option it came from. */
export async function resolveCommit(root: string, ref: string, option: string): Promise<string> {
  // A "ref" starting with '-' would reach git as an option; no ref name can start so.
  if (ref.startsWith('-')) throw new UsageError(`${option} ${ref}: not a ref`);
  const id = await gitMaybe(root, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]);
  if (id === null) throw new UsageError(`${option} ${ref}: not a commit in ${root}`);
  return id;
}

/** The top folder of the repository holding `dir`, or a UsageError when there is none. */
export async function repositoryRoot(dir: string): Promise<string> {
  const root = await gitMaybe(dir, ['rev-parse', '--show-toplevel']);
  if (root === null) throw new UsageError(`${dir}: not inside a git repository`);
  return root;
}
