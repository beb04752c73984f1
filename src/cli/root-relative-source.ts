import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ChangedFile, FileContent, ReviewResult, ReviewSource } from '../review.js';

/** The git work tree holding `dir` (the nearest folder above with a `.git` entry), or null outside one. */
export function workTreeRoot(dir: string): string | null {
  let current = resolve(dir);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Wraps a source whose paths are relative to `cwd` (or absolute) so that it names files relative
 * to `root` instead, as git, GitHub and `diffsec diff` do: `cd app && diffsec scan .` reports
 * `app/run.py`, so fingerprints, SARIF URIs and baselines are the same from any working folder.
 * Files outside `root` keep the path they had. Reads go to the inner source under its own names.
 */
export function rootRelativeSource(inner: ReviewSource, cwd: string, root: string): ReviewSource {
  const innerPath = new Map<string, string>();
  const toRoot = (path: string): string => {
    const rel = relative(root, resolve(cwd, path));
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
    return rel.split(sep).join('/');
  };
  return {
    async listFiles(): Promise<ChangedFile[]> {
      const files = await inner.listFiles();
      return files.map((file) => {
        const path = toRoot(file.path);
        innerPath.set(path, file.path);
        return { ...file, path, ...(file.previousPath ? { previousPath: toRoot(file.previousPath) } : {}) };
      });
    },
    async *readFiles(paths: string[]): AsyncIterable<FileContent> {
      const back = new Map(paths.map((p) => [innerPath.get(p) ?? p, p]));
      for await (const content of inner.readFiles([...back.keys()])) yield { ...content, path: back.get(content.path) ?? content.path };
    },
  };
}

/**
 * A review's findings and skipped files with their root-relative paths turned back into what the
 * user typed against: relative to `cwd` inside it, absolute outside (for text output, to click).
 * Fingerprints are left as they are.
 */
export function withCwdPaths<R extends Pick<ReviewResult, 'findings' | 'skipped'>>(result: R, cwd: string, root: string): R {
  const display = (path: string): string => {
    if (isAbsolute(path)) return path;
    const absolute = join(root, path);
    const rel = relative(cwd, absolute);
    return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? absolute : rel.split(sep).join('/');
  };
  return {
    ...result,
    findings: result.findings.map((f) => ({ ...f, path: display(f.path), ...(f.flow ? { flow: f.flow.map((step) => ({ ...step, path: display(step.path) })) } : {}) })),
    skipped: result.skipped.map((s) => ({ ...s, path: display(s.path) })),
  };
}
