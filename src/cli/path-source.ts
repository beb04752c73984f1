import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileSelection, type FileSelection } from '../config/file-selection.js';
import type { ChangedFile, FileContent, ReviewSource } from '../review.js';
import { opensWithPythonShebang } from './first-bytes.js';
import { git, GitError, gitMaybe } from './git.js';
import { readAhead } from './read-ahead.js';
import { UsageError } from './usage-error.js';
import { workTreeRoot } from './work-tree-root.js';

/** Folders never walked: version control, virtualenvs, caches, other ecosystems' dependencies. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', '.venv', 'venv', 'node_modules', '__pycache__', '.tox', '.nox']);

export interface PathSourceOptions {
  /** Files and folders to review, relative to `cwd` or absolute. */
  paths: readonly string[];
  cwd: string;
  /** The folder files are named from (and globs matched from), when not `cwd`: a work tree's top. */
  nameFrom?: string;
  /** The config's globs (see fileSelection): only selected files are listed, and excluded folders are not entered. */
  include: readonly string[];
  exclude: readonly string[];
  /** Extensionless files with a Python shebang are selected as `<path>.py` would be (default true). */
  pythonShebang?: boolean;
  /** Larger files are reported as too large without being read. */
  maxFileBytes: number;
  /** Inside a git work tree, walk only what git lists (tracked, or untracked and not ignored); default true. */
  gitignore?: boolean;
  /** Called with a file named on the command line that the globs leave out (so it is not reviewed). */
  onNotSelected?: (given: string) => void;
  /** Called once when a folder inside a work tree is walked whole because git cannot be run (its .gitignore is then not applied). */
  onNoGit?: (why: string) => void;
}

/**
 * A ReviewSource over files on disk (`diffsec scan`): each file is `added` with no diff, so every
 * finding has scope `file`. Folders are walked in name order without following symbolic links
 * (a link can point out of the tree, or loop); paths named on the command line are followed.
 * Paths are reported relative to `nameFrom` (default `cwd`) with `/`, or absolute when outside it. Files are read
 * lazily in readFiles, a few ahead of the scanner, never all at once. A FIFO, socket or device
 * (named, or met in a folder and selected by the globs) is listed and then skipped with the
 * reason, never opened: reading a FIFO blocks until someone writes to it. Inside a git work tree a
 * folder's walk keeps only the files git lists (`git ls-files --cached --others --exclude-standard`:
 * tracked, or untracked and not ignored), so .gitignore, .git/info/exclude and the global excludes
 * apply as git applies them; a file or folder named on the command line is reviewed even when
 * ignored. An extensionless regular file that the globs would select as `<path>.py` has its first
 * 256 bytes read while listing, and is listed as a Python script when they open with a Python
 * shebang (no other file is opened before readFiles).
 */
export function pathSource(options: PathSourceOptions): ReviewSource {
  const onDisk = new Map<string, string>();
  const scripts = new Set<string>();
  const selection = fileSelection(options);
  let warned = false;
  const noGit = (why: string) => {
    if (!warned) options.onNoGit?.(why);
    warned = true;
  };
  const base = options.nameFrom ?? options.cwd;
  return {
    async listFiles(): Promise<ChangedFile[]> {
      for (const given of options.paths) {
        const absolute = resolve(options.cwd, given);
        const info = await stat(absolute).catch(() => null);
        if (!info) throw new UsageError(`${given}: no such file or folder`);
        if (info.isDirectory()) await walk(absolute, base, selection, { found: onDisk, scripts }, options.gitignore === false ? null : await gitListed(absolute, noGit));
        else {
          const path = displayPath(absolute, base);
          if (info.isFile() && isScript(selection, path, absolute)) scripts.add(path);
          else if (!selection.selects(path)) options.onNotSelected?.(given);
          onDisk.set(path, absolute);
        }
      }
      return [...onDisk.keys()].map((path) => ({ path, status: 'added', diff: null, ...(scripts.has(path) ? { pythonScript: true } : {}) }));
    },
    readFiles(paths: string[]): AsyncIterable<FileContent> {
      return readAhead(paths, 8, (path) => readOne(path, onDisk.get(path) ?? resolve(base, path), options.maxFileBytes));
    },
  };
}

/** What git lists under a folder: its files and the folders holding them; null outside a work tree. */
interface GitListing {
  files: Set<string>;
  folders: Set<string>;
  /** Untracked folders git lists whole (a nested repository): everything inside counts. */
  whole: string[];
}

/**
 * What git lists under `dir`, or null when the folder is walked whole: outside a work tree (no
 * `.git` above it: git is not even started), in a folder git ignores, or when git cannot run
 * (`noGit` is told why). The two questions go to git at once: each is a process start.
 */
async function gitListed(dir: string, noGit: (why: string) => void): Promise<GitListing | null> {
  if (workTreeRoot(dir) === null) return null;
  // A folder named on the command line that git ignores (a build output, a downloaded corpus) was
  // asked for by name: it is walked whole, as a named file is reviewed. `ls-files` prints paths
  // relative to the folder it runs in (with --full-name off), limited to it.
  const [ignored, listed] = await Promise.all([
    gitMaybe(dir, ['check-ignore', '-q', '.']).catch((error: Error) => error),
    git(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).catch((error: Error) => error),
  ]);
  for (const answer of [ignored, listed]) {
    if (!(answer instanceof Error)) continue;
    // Not a repository after all (a stray `.git`), or git refused: nothing to apply.
    if (answer instanceof GitError && !answer.detail.includes('not installed') && !answer.overflow) return null;
    noGit(answer.message);
    return null;
  }
  if (ignored !== null) return null;
  const listing: GitListing = { files: new Set(), folders: new Set([dir]), whole: [] };
  for (const rel of (listed as Buffer).toString('utf8').split('\0')) {
    if (!rel) continue;
    const absolute = join(dir, rel);
    if (rel.endsWith('/')) listing.whole.push(absolute.replace(/\/+$/, ''));
    else listing.files.add(absolute);
    for (let parent = dirname(absolute); parent.length > dir.length && !listing.folders.has(parent); parent = dirname(parent)) listing.folders.add(parent);
  }
  return listing;
}

/** True when `absolute` is, or is inside, one of the wholly listed folders. */
function insideWhole(listing: GitListing, absolute: string): boolean {
  return listing.whole.some((w) => absolute === w || absolute.startsWith(`${w}/`));
}

/** What a walk finds: selected files by path (to their absolute names), and which of them are Python scripts by shebang. */
interface Found {
  found: Map<string, string>;
  scripts: Set<string>;
}

/** True when the file at `path` is an extensionless Python script the selection would take (its first bytes are read only then). */
function isScript(selection: FileSelection, path: string, absolute: string): boolean {
  return selection.mayBeScript(path) && opensWithPythonShebang(absolute);
}

async function walk(dir: string, cwd: string, selection: FileSelection, into: Found, listing: GitListing | null): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const path = displayPath(absolute, cwd);
    const listed = listing === null || insideWhole(listing, absolute);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || existsSync(join(absolute, 'pyvenv.cfg')) || selection.skipsFolder(path)) continue;
      if (!listed && !listing!.folders.has(absolute)) continue;
      await walk(absolute, cwd, selection, into, listing);
    } else if (entry.isSymbolicLink() || !(listed || listing!.files.has(absolute))) continue;
    else if (selection.selects(path)) {
      // Regular files, and FIFOs, sockets and devices too, so that readOne lists them as skipped.
      into.found.set(path, absolute);
    } else if (entry.isFile() && isScript(selection, path, absolute)) {
      into.found.set(path, absolute);
      into.scripts.add(path);
    }
  }
}

/**
 * Reads one file. Synchronously: a local source file reads in microseconds, and the promise API's
 * file handles cost more than the read (100 ms over ironic's 339 files).
 */
async function readOne(path: string, absolute: string, maxBytes: number): Promise<FileContent> {
  let fd: number | undefined;
  try {
    // A FIFO, socket or device is refused from its stat, never opened (opening a device can act
    // on it). Checked again on the open descriptor, non-blocking, in case the file was swapped
    // in between: a FIFO opened that way returns at once instead of waiting for a writer.
    const notRegular = notRegularFile(statSync(absolute));
    if (notRegular) return { path, error: notRegular };
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    const swapped = notRegularFile(info);
    if (swapped) return { path, error: swapped };
    // Checked before reading so a huge file is never loaded; the wording matches decodeSource's.
    if (info.size > maxBytes) return { path, error: `too large: ${info.size} bytes, over the limit of ${maxBytes} (max_file_bytes)` };
    return { path, bytes: readFileSync(fd) };
  } catch (error) {
    return { path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why a file that is not a regular file is skipped, or null for a regular one. */
function notRegularFile(info: Stats): string | null {
  if (info.isFile()) return null;
  const kind = info.isFIFO() ? 'a FIFO (named pipe)' : info.isSocket() ? 'a socket' : info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : 'not a file';
  return `not a regular file: ${kind}, not read`;
}

function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const path = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? absolute : rel;
  return path.split(sep).join('/');
}
