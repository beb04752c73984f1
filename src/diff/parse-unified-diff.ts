import type { FileDiff } from './file-diff.js';
import { parseHunks, PatchError } from './parse-patch.js';

/**
 * Parses `git diff` output (one or many files) into FileDiffs: renames, copies, new and deleted
 * files, mode-only changes, binary changes, quoted non-ASCII paths and CRLF input. Paths carry
 * no `a/` or `b/` prefix; a removed file's `path` is its old path. A header line with an empty
 * path (`+++ `, `rename to `) leaves the path known so far; a file with no path at all throws,
 * naming its `diff --git` line.
 */
export function parseUnifiedDiff(text: string): FileDiff[] {
  const lines = text.split('\n');
  const files: FileDiff[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = stripCr(lines[i]!);
    if (!line.startsWith('diff --git ')) {
      // Text between files is ignored, but a hunk there would be lost silently: refuse the diff.
      if (files.length > 0 && line.startsWith('@@')) throw new PatchError(`the hunk at line ${i + 1} follows a line that is not part of a hunk, so it belongs to no file's diff`);
      i++;
      continue;
    }
    const headerLine = i + 1;
    const [headerOld, headerNew] = splitGitHeader(line.slice('diff --git '.length));
    let oldPath: string | null = headerOld;
    let newPath: string | null = headerNew;
    const file: FileDiff = { path: headerNew, status: 'modified', binary: false, modeOnly: false, hunks: [] };
    let renamed = false;
    let copied = false;
    i++;
    // Extended header lines, up to the first hunk or the next file.
    for (; i < lines.length; i++) {
      const h = stripCr(lines[i]!);
      if (h.startsWith('diff --git ') || h.startsWith('@@')) break;
      if (h.startsWith('new file mode ')) {
        file.status = 'added';
        file.newMode = h.slice('new file mode '.length);
      } else if (h.startsWith('deleted file mode ')) {
        file.status = 'removed';
        file.oldMode = h.slice('deleted file mode '.length);
      } else if (h.startsWith('old mode ')) file.oldMode = h.slice('old mode '.length);
      else if (h.startsWith('new mode ')) file.newMode = h.slice('new mode '.length);
      else if (h.startsWith('rename from ')) {
        renamed = true;
        oldPath = named(unquote(h.slice('rename from '.length)), oldPath);
      } else if (h.startsWith('rename to ')) {
        renamed = true;
        newPath = named(unquote(h.slice('rename to '.length)), newPath);
      } else if (h.startsWith('copy from ')) {
        copied = true;
        oldPath = named(unquote(h.slice('copy from '.length)), oldPath);
      } else if (h.startsWith('copy to ')) {
        copied = true;
        newPath = named(unquote(h.slice('copy to '.length)), newPath);
      } else if (h.startsWith('--- ')) oldPath = named(sidePath(h.slice(4), 'a/'), oldPath);
      else if (h.startsWith('+++ ')) newPath = named(sidePath(h.slice(4), 'b/'), newPath);
      else if (h.startsWith('Binary files ') || h === 'GIT binary patch') {
        file.binary = true;
        if (h === 'GIT binary patch') {
          // The base85 payload runs to the next file.
          while (i + 1 < lines.length && !stripCr(lines[i + 1]!).startsWith('diff --git ')) i++;
        }
      }
    }
    const parsed = parseHunks(lines, i);
    file.hunks = parsed.hunks;
    i = parsed.next;

    if (newPath === null) file.status = 'removed';
    else if (oldPath === null) file.status = 'added';
    else if (renamed) file.status = 'renamed';
    else if (copied) file.status = 'copied';
    file.path = (file.status === 'removed' ? oldPath : newPath) ?? headerNew;
    if (file.path === '') throw new Error(`no file path in the diff header at line ${headerLine}: ${JSON.stringify(line.slice(0, 80))}`);
    if ((renamed || copied) && oldPath !== null && oldPath !== file.path) file.previousPath = oldPath;
    file.modeOnly = file.status === 'modified' && !file.binary && file.hunks.length === 0 && file.oldMode !== undefined && file.newMode !== undefined;
    files.push(file);
  }
  return files;
}

/** A path read from a header line, unless the line named none (then the path known so far stands). */
function named(path: string | null, known: string | null): string | null {
  return path === '' ? known : path;
}

/** The path on a `---`/`+++` line, or null for /dev/null. */
function sidePath(raw: string, prefix: string): string | null {
  // git appends a tab before a timestamp only in other tools' diffs; a path with a tab is quoted.
  const value = unquote(raw.replace(/\t.*$/, ''));
  if (value === '/dev/null') return null;
  return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

/** Splits `a/X b/Y` (either side possibly quoted) into X and Y. */
function splitGitHeader(rest: string): [string, string] {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const first = unquote(rest.slice(0, end + 1));
    const second = rest.slice(end + 2);
    return [strip(first, 'a/'), strip(unquote(second), 'b/')];
  }
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "');
    return [strip(rest.slice(0, start), 'a/'), strip(unquote(rest.slice(start + 1)), 'b/')];
  }
  // Unquoted, possibly with spaces: both halves are equal unless renamed (then rename lines say).
  const half = (rest.length - 5) / 2;
  if (Number.isInteger(half) && rest.slice(2, 2 + half) === rest.slice(5 + half)) return [rest.slice(2, 2 + half), rest.slice(5 + half)];
  const split = rest.indexOf(' b/');
  return split < 0 ? [strip(rest, 'a/'), strip(rest, 'a/')] : [strip(rest.slice(0, split), 'a/'), rest.slice(split + 3)];
}

function strip(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

function closingQuote(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style quoting: `"caf\303\251.py"` → `café.py` (octal escapes are UTF-8 bytes). */
export function unquote(value: string): string {
  if (!value.startsWith('"') || !value.endsWith('"') || value.length < 2) return value;
  const bytes: number[] = [];
  const body = value.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      const octal = body.slice(i, i + 3);
      bytes.push(parseInt(octal, 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
