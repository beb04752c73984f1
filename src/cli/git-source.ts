import { lstatSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileSelection } from '../config/file-selection.js';
import { isPythonShebang, SHEBANG_PEEK_BYTES } from '../config/python-shebang.js';
import { parseUnifiedDiff } from '../diff/parse-unified-diff.js';
import type { ChangedFile, FileContent, ReviewSource } from '../review.js';
import { opensWithPythonShebang } from './first-bytes.js';
import { git, GitError, gitFirstBytes, gitText } from './git.js';
import { readAhead } from './read-ahead.js';

export interface GitSourceOptions {
  /** The repository's top folder; git's paths are relative to it. */
  root: string;
  /** Commit id to compare from. */
  base: string;
  /** Commit id to compare to, or null for the working tree (uncommitted and untracked changes). */
  head: string | null;
  /** Larger files are reported as too large rather than held in memory. */
  maxFileBytes: number;
  /** The config's selection: changed extensionless files it `mayBeScript` have their first line read for a Python shebang. */
  selection?: Pick<FileSelection, 'mayBeScript'>;
}

/** git modes that are not regular files: their "content" is a link target or a commit id. */
const NOT_A_FILE: Record<string, string> = { '120000': 'symbolic link, not analysed', '160000': 'submodule, not analysed' };

/**
 * A ReviewSource over a local git repository (`diffsec diff`): the changed files and lines come
 * from `git diff` between the two commits (or the base and the working tree), parsed by
 * parseUnifiedDiff; contents are read at the head with `git cat-file blob` (from disk for the
 * working tree), a few files ahead of the scanner. With the working tree, untracked files that
 * .gitignore does not ignore are listed too, as added with no diff (the whole file in scope):
 * a new module not yet `git add`ed is exactly what a pre-commit review should see. A changed
 * extensionless file the selection `mayBeScript` is read while listing (at the head, or its first
 * 256 bytes from disk) and marked `pythonScript` when it opens with a Python shebang. A modified
 * file's base version (for differential scoping) is its blob at the base commit.
 */
export function gitSource(options: GitSourceOptions): ReviewSource {
  const { root, base, head, maxFileBytes } = options;
  const modes = new Map<string, string>();
  /** True when the file's first line is a Python shebang (an unreadable one is not a script). */
  const firstLineIsPython = async (path: string): Promise<boolean> => {
    if (head !== null) {
      const bytes = await gitFirstBytes(root, ['cat-file', 'blob', `${head}:${path}`], SHEBANG_PEEK_BYTES);
      return bytes !== null && isPythonShebang(bytes);
    }
    const absolute = join(root, path);
    // lstat: a link in the tree may point anywhere on this machine; a FIFO is never opened.
    try {
      return lstatSync(absolute).isFile() && opensWithPythonShebang(absolute);
    } catch {
      return false;
    }
  };
  return {
    async listFiles(): Promise<ChangedFile[]> {
      // Prefixes are pinned because diff.noprefix or diff.mnemonicPrefix in a user's config would
      // change them; context lines matter only for commentable lines, so git's default 3 stays.
      const args = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--unified=3', '--src-prefix=a/', '--dst-prefix=b/', base, ...(head ? [head] : []), '--'];
      const files: ChangedFile[] = parseUnifiedDiff((await git(root, args)).toString('utf8')).map((diff) => {
        if (diff.newMode) modes.set(diff.path, diff.newMode);
        return { path: diff.path, ...(diff.previousPath ? { previousPath: diff.previousPath } : {}), status: diff.status, diff };
      });
      if (head === null) {
        const listed = new Set(files.map((f) => f.path));
        const untracked = (await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])).toString('utf8').split('\0');
        for (const path of untracked) if (path && !listed.has(path)) files.push({ path, status: 'added', diff: null });
      }
      const candidates = files.filter((f) => f.status !== 'removed' && !f.diff?.binary && !NOT_A_FILE[modes.get(f.path) ?? ''] && options.selection?.mayBeScript(f.path));
      for await (const file of readAhead(candidates, 8, async (f) => ((await firstLineIsPython(f.path)) ? f : null))) if (file) file.pythonScript = true;
      return files;
    },
    readFiles(paths: string[]): AsyncIterable<FileContent> {
      return readAhead(paths, 8, async (path): Promise<FileContent> => {
        const mode = modes.get(path);
        if (mode && NOT_A_FILE[mode]) return { path, error: NOT_A_FILE[mode] };
        return head === null ? readFromDisk(root, path, maxFileBytes) : readAtCommit(root, head, path, maxFileBytes);
      });
    },
    // Differential scoping: the file as the base commit has it, at its old path if it was renamed.
    readBase(file: ChangedFile): Promise<FileContent> {
      return readAtCommit(root, base, file.previousPath ?? file.path, maxFileBytes);
    },
  };
}

async function readAtCommit(root: string, commit: string, path: string, maxBytes: number): Promise<FileContent> {
  const object = `${commit}:${path}`;
  try {
    return { path, bytes: await git(root, ['cat-file', 'blob', object], { maxBuffer: maxBytes }) };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (!error.overflow) return { path, error: `cannot read at ${commit.slice(0, 12)}: ${error.detail}` };
    // Only the rare oversized file pays for a second call, to report its size.
    const size = await gitText(root, ['cat-file', '-s', object]);
    return { path, error: `too large: ${size} bytes, over the limit of ${maxBytes} (max_file_bytes)` };
  }
}

async function readFromDisk(root: string, path: string, maxBytes: number): Promise<FileContent> {
  try {
    // lstat: a link in the tree may point anywhere on this machine.
    const info = await lstat(join(root, path));
    if (info.isSymbolicLink()) return { path, error: NOT_A_FILE['120000']! };
    if (!info.isFile()) return { path, error: 'not a regular file' };
    if (info.size > maxBytes) return { path, error: `too large: ${info.size} bytes, over the limit of ${maxBytes} (max_file_bytes)` };
    return { path, bytes: await readFile(join(root, path)) };
  } catch (error) {
    return { path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
