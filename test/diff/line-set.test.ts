import type { FileDiff } from '../../src/diff/file-diff.js';
import { changedLines, commentableLines, hunkIndexOf } from '../../src/diff/line-set.js';
import { parsePatch } from '../../src/diff/parse-patch.js';

const diff: FileDiff = {
  path: 'a.py',
  status: 'modified',
  binary: false,
  modeOnly: false,
  hunks: parsePatch('@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n@@ -20,2 +21,2 @@\n-x\n+y\n z'),
};

describe('line sets', () => {
  it('lists the added lines', () => {
    expect([...changedLines(diff)]).toEqual([2, 4, 21]);
  });
  it('lists every new-side line inside a hunk, context included', () => {
    expect([...commentableLines(diff)]).toEqual([1, 2, 3, 4, 21, 22]);
  });
  it('finds the hunk of a line', () => {
    expect([hunkIndexOf(diff, 3), hunkIndexOf(diff, 22), hunkIndexOf(diff, 10)]).toEqual([0, 1, -1]);
  });
});
