import { parsePatch } from '../../src/diff/parse-patch.js';

describe('parsePatch', () => {
  it('reads hunks with added and removed lines', () => {
    const patch = '@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n@@ -10,2 +11,2 @@ def f():\n-x\n+y\n z';
    expect(parsePatch(patch)).toEqual([
      { oldStart: 1, oldLines: 3, newStart: 1, newLines: 4, added: [2, 4], removed: [2] },
      { oldStart: 10, oldLines: 2, newStart: 11, newLines: 2, added: [11], removed: [10] },
    ]);
  });

  it('takes an omitted count as 1 and reads a new file', () => {
    expect(parsePatch('@@ -1 +1 @@\n-a\n+b')).toEqual([{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, added: [1], removed: [1] }]);
    expect(parsePatch('@@ -0,0 +1,3 @@\n+a\n+b\n+c\n')[0]!.added).toEqual([1, 2, 3]);
  });

  it('skips "No newline at end of file" markers on either side', () => {
    const patch = '@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n\\ No newline at end of file';
    expect(parsePatch(patch)).toEqual([{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 2, added: [2], removed: [2] }]);
  });

  it('treats an empty line inside a hunk as context, and tolerates CRLF', () => {
    expect(parsePatch('@@ -1,3 +1,3 @@\r\n a\r\n\r\n-c\r\n+C\r\n')[0]).toMatchObject({ added: [3], removed: [3] });
  });

  it('stops at the declared counts', () => {
    expect(parsePatch('@@ -1 +1 @@\n-a\n+b\n+not part of the hunk')[0]!.added).toEqual([1]);
  });

  it('names the line of a malformed header', () => {
    expect(() => parsePatch('@@ -1,2 +1,2 @@\n a\n b\n@@ bogus @@\n')).toThrow('malformed hunk header at line 4 of the patch: "@@ bogus @@"');
  });
});
