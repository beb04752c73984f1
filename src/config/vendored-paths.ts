import { compileGlobs, type GlobList } from './glob.js';

/** Folders that hold someone else's code by convention; `skip_vendored` replaces this list. */
export const DEFAULT_VENDORED = ['vendor/', 'vendored/', '_vendor/', 'third_party/', 'thirdparty/', 'third-party/', 'externals/'];

/** Matches paths against the `skip_vendored` globs and says which one matched. */
export interface VendoredPaths {
  /** The first glob matching `path`, or null when the path is not vendored. */
  match(path: string): string | null;
}

/** The list decides as a whole (glob.ts semantics, `!` negations included); each glob is also compiled alone to name the one that matched. */
export function vendoredPaths(globs: readonly string[]): VendoredPaths {
  const all = compileGlobs(globs);
  const each: [string, GlobList][] = globs.filter((g) => !g.startsWith('!')).map((g) => [g, compileGlobs([g])]);
  return {
    match: (path) => (all.matches(path) ? (each.find(([, list]) => list.matches(path))?.[0] ?? globs.join(', ')) : null),
  };
}
