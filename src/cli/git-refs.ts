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
    return await mergeBase(root, branch, head, `the default branch ${branch}`);
  }
  throw new UsageError('cannot find the default branch (no origin/HEAD, main or master); pass --base REF');
}

/**
 * The merge-base of `base` and `head` (a pull request's three-dot diff starts there, as GitHub
 * computes it), or a UsageError: in a shallow clone the missing history is the usual cause, so the
 * message says to fetch it; there is never a silent fallback to comparing with `base` itself.
 */
export async function mergeBase(root: string, base: string, head: string, label: string, headLabel = 'HEAD'): Promise<string> {
  const found = await gitMaybe(root, ['merge-base', base, head]);
  if (found !== null && found !== '') return found;
  if ((await gitMaybe(root, ['rev-parse', '--is-shallow-repository'])) === 'true') {
    throw new UsageError(
      `${label} and ${headLabel} have no merge-base in this shallow clone: fetch more history (actions/checkout with \`fetch-depth: 0\`, or \`git fetch --unshallow\`), or pass --base-exact to compare with it directly`,
    );
  }
  throw new UsageError(`${label} and ${headLabel} have no common ancestor; pass --base-exact REF to compare with it directly`);
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
