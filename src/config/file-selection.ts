import { compileGlobs } from './glob.js';

/** Which files a review looks at. */
export interface FileSelection {
  /** True when `path` matches `include` and not `exclude`. */
  selects(path: string): boolean;
  /** True when nothing inside `folder` can be selected, so a walk need not enter it. */
  skipsFolder(folder: string): boolean;
}

/**
 * The config's `include` minus its `exclude`, with the one glob meaning of glob.ts: `scan`'s walk,
 * `diff` and the app all select through this, so a pattern means the same in each.
 */
export function fileSelection(globs: { include: readonly string[]; exclude: readonly string[] }): FileSelection {
  const include = compileGlobs(globs.include);
  const exclude = compileGlobs(globs.exclude);
  return {
    selects: (path) => include.matches(path) && !exclude.matches(path),
    skipsFolder: (folder) => exclude.matchesAllInside(folder),
  };
}
