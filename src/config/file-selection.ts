import { compileGlobs } from './glob.js';
import { hasNoExtension } from './python-shebang.js';

/** Which files a review looks at. */
export interface FileSelection {
  /**
   * True when `path` matches `include` and not `exclude`; or, when `pythonScript` (the source read
   * a Python shebang in this extensionless file), when `mayBeScript(path)`.
   */
  selects(path: string, pythonScript?: boolean): boolean;
  /**
   * True when `path` is not selected by its name but would be as a Python script: its name has no
   * extension, `python_shebang` is on, `include` matches `<path>.py` (include decides where scripts
   * are looked for) and `exclude` does not match `path` (exclude applies to the real name, as to
   * any file). Sources read the first line of these files only.
   */
  mayBeScript(path: string): boolean;
  /** True when nothing inside `folder` can be selected, so a walk need not enter it. */
  skipsFolder(folder: string): boolean;
}

/**
 * The config's `include` minus its `exclude`, with the one glob meaning of glob.ts: `scan`'s walk,
 * `diff` and the app all select through this, so a pattern means the same in each. An
 * extensionless file whose first line is a Python shebang is selected as `<path>.py` would be
 * (`pythonShebang`, default on): the default `include` (`**\/*.py`) then takes `bin/tool`, and
 * `include: ['src/**\/*.py']` does not, as it would not take `bin/tool.py`.
 */
export function fileSelection(globs: { include: readonly string[]; exclude: readonly string[]; pythonShebang?: boolean }): FileSelection {
  const include = compileGlobs(globs.include);
  const exclude = compileGlobs(globs.exclude);
  const byName = (path: string) => include.matches(path) && !exclude.matches(path);
  const mayBeScript = (path: string) =>
    globs.pythonShebang !== false && hasNoExtension(path) && !byName(path) && include.matches(`${path}.py`) && !exclude.matches(path);
  return {
    selects: (path, pythonScript = false) => byName(path) || (pythonScript && mayBeScript(path)),
    mayBeScript,
    skipsFolder: (folder) => exclude.matchesAllInside(folder),
  };
}
