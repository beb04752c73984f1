import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileSelection, type FileSelection } from '../config/file-selection.js';
import type { ChangedFile, FileContent, ReviewSource } from '../review.js';
import { readAhead } from './read-ahead.js';
import { UsageError } from './usage-error.js';

/** Folders never walked: version control, virtualenvs, caches, other ecosystems' dependencies. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', '.venv', 'venv', 'node_modules', '__pycache__', '.tox', '.nox']);

export interface PathSourceOptions {
  /** Files and folders to review, relative to `cwd` or absolute. */
  paths: readonly string[];
  cwd: string;
  /** The config's globs (see fileSelection): only selected files are listed, and excluded folders are not entered. */
  include: readonly string[];
  exclude: readonly string[];
  /** Larger files are reported as too large without being read. */
  maxFileBytes: number;
}

/**
 * A ReviewSource over files on disk (`diffsec scan`): each file is `added` with no diff, so every
 * finding has scope `file`. Folders are walked in name order without following symbolic links
 * (a link can point out of the tree, or loop); paths named on the command line are followed.
 * Paths are reported relative to `cwd` with `/`, or absolute when outside it. Files are read
 * lazily in readFiles, a few ahead of the scanner, never all at once. A FIFO, socket or device
 * (named, or met in a folder and selected by the globs) is listed and then skipped with the
 * reason, never opened: reading a FIFO blocks until someone writes to it.
 */
export function pathSource(options: PathSourceOptions): ReviewSource {
  const onDisk = new Map<string, string>();
  const selection = fileSelection(options);
  return {
    async listFiles(): Promise<ChangedFile[]> {
      for (const given of options.paths) {
        const absolute = resolve(options.cwd, given);
        const info = await stat(absolute).catch(() => null);
        if (!info) throw new UsageError(`${given}: no such file or folder`);
        if (info.isDirectory()) await walk(absolute, options.cwd, selection, onDisk);
        else onDisk.set(displayPath(absolute, options.cwd), absolute);
      }
      return [...onDisk.keys()].map((path) => ({ path, status: 'added', diff: null }));
    },
    readFiles(paths: string[]): AsyncIterable<FileContent> {
      return readAhead(paths, 8, (path) => readOne(path, onDisk.get(path) ?? resolve(options.cwd, path), options.maxFileBytes));
    },
  };
}

async function walk(dir: string, cwd: string, selection: FileSelection, found: Map<string, string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    const path = displayPath(absolute, cwd);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || existsSync(join(absolute, 'pyvenv.cfg')) || selection.skipsFolder(path)) continue;
      await walk(absolute, cwd, selection, found);
    } else if (!entry.isSymbolicLink() && selection.selects(path)) {
      // Regular files, and FIFOs, sockets and devices too, so that readOne lists them as skipped.
      found.set(path, absolute);
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
