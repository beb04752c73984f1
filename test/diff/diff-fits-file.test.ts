import { diffFitsFile } from '../../src/diff/diff-fits-file.js';
import type { FileDiff } from '../../src/diff/file-diff.js';
import { parsePatch } from '../../src/diff/parse-patch.js';

const diffOf = (patch: string): FileDiff => ({ path: 'a.py', status: 'modified', binary: false, modeOnly: false, hunks: parsePatch(patch) });

describe('diffFitsFile', () => {
  it('accepts hunks inside the file, up to its last line', () => {
    const diff = diffOf('@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -9 +10 @@\n-x\n+y');
    expect(diffFitsFile(diff, 10)).toBe(true);
    expect(diffFitsFile(diff, 9)).toBe(false);
  });

  it('refuses a hunk that points past the end of the file', () => {
    expect(diffFitsFile(diffOf('@@ -0,0 +999999999,2 @@\n+a\n+b'), 3)).toBe(false);
  });

  it('accepts a pure deletion after the last line, and no hunks at all', () => {
    expect(diffFitsFile(diffOf('@@ -3,2 +2,0 @@\n-c\n-d'), 2)).toBe(true);
    expect(diffFitsFile(diffOf('@@ -3,2 +2,0 @@\n-c\n-d'), 1)).toBe(false);
    expect(diffFitsFile(diffOf(''), 0)).toBe(true);
  });
});
