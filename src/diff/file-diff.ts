/** The parsed form of one file's change, as both GitHub `patch` strings and `git diff` give it. */

/** How a file changed between base and head. */
export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied';

/** One `@@ -a,b +c,d @@` block. Line numbers are 1-based. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** New-side line numbers added by this hunk ('+' lines). */
  added: number[];
  /** Old-side line numbers removed by this hunk ('-' lines). */
  removed: number[];
}

/** One file of a diff. Paths are repository-relative, with no `a/` or `b/` prefix. */
export interface FileDiff {
  /** Path on the new side (for a removed file: its old path). */
  path: string;
  /** Path on the old side when it differs (renames and copies). */
  previousPath?: string;
  status: FileStatus;
  /** True for a binary change: no hunks are known. */
  binary: boolean;
  /** True when only the file mode changed. */
  modeOnly: boolean;
  oldMode?: string;
  newMode?: string;
  hunks: Hunk[];
}
