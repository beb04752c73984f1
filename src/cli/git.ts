import { execFile, spawn } from 'node:child_process';

/** A git command that failed: says which, and git's own first line of complaint. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly detail: string,
    /** True when the output was cut at maxBuffer, not a git failure. */
    readonly overflow = false,
  ) {
    super(`git ${args.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')} failed: ${detail}`);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Largest output accepted, in bytes; over it the call fails with `overflow` set. */
  maxBuffer?: number;
}

/**
 * Runs `git ARGS` in `cwd` with execFile (no shell: refs and paths are never parsed by one) and
 * returns its stdout as bytes. Settings that would change output we parse are pinned: paths are
 * not octal-quoted, and no pager, colour or external diff runs.
 */
export function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      pinned(args),
      { cwd, encoding: 'buffer', maxBuffer: options.maxBuffer ?? 512 * 1024 * 1024, env: gitEnv() },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError(args, 'git is not installed or not on PATH'));
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new GitError(args, 'output too large', true));
        const first = stderr.toString('utf8').split('\n').find((l) => l.trim()) ?? error.message;
        reject(new GitError(args, first.trim()));
      },
    );
  });
}

/**
 * The first `count` bytes of `git ARGS`' stdout (all of it when shorter), or null when git fails:
 * git is stopped once they have arrived, so `cat-file blob` of a large file is not read whole to
 * look at its first line. Pinned as `git` is.
 */
export function gitFirstBytes(cwd: string, args: readonly string[], count: number): Promise<Buffer | null> {
  return new Promise((resolvePromise) => {
    const child = spawn('git', pinned(args), { cwd, stdio: ['ignore', 'pipe', 'ignore'], env: gitEnv() });
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (value: Buffer | null) => {
      if (done) return;
      done = true;
      resolvePromise(value);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= count) {
        finish(Buffer.concat(chunks).subarray(0, count));
        child.kill();
      }
    });
    child.on('error', () => finish(null));
    child.on('close', (code) => finish(code === 0 ? Buffer.concat(chunks) : null));
  });
}

/** The settings pinned for every git call: paths not octal-quoted, no pager. */
function pinned(args: readonly string[]): string[] {
  return ['-c', 'core.quotePath=false', '--no-pager', ...args];
}

/** git's environment: never prompts for credentials, and speaks C. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

/** Runs git and returns its stdout as text without the final newline. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8').replace(/\n$/, '');
}

/** Runs git for a yes/no question (`rev-parse --verify -q`, `symbolic-ref -q`): its output, or null when it says no. */
export async function gitMaybe(cwd: string, args: readonly string[]): Promise<string | null> {
  try {
    return await gitText(cwd, args);
  } catch (error) {
    if (error instanceof GitError && !error.overflow && !error.detail.includes('not installed')) return null;
    throw error;
  }
}
