import { isAbsolute, join, relative, sep } from 'node:path';
import type { ReviewResult } from '../review.js';

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
