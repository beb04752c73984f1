import { PatchError, parsePatch } from '../../src/diff/parse-patch.js';

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

  it('keeps an empty last context line whose space was stripped', () => {
    expect(parsePatch('@@ -1,2 +1,2 @@\n-a\n+b\n')).toEqual([{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 2, added: [1], removed: [1] }]);
  });

  it('names the line of a malformed header', () => {
    expect(() => parsePatch('@@ -1,2 +1,2 @@\n a\n b\n@@ bogus @@\n')).toThrow('malformed hunk header at line 4 of the patch: "@@ bogus @@"');
  });

  it('reads an empty patch as no changed lines', () => {
    expect(parsePatch('')).toEqual([]);
  });

  describe('refuses a patch that does not say what it claims, saying why', () => {
    it.each([
      ['garbage', 'no hunks here\n+x', 'line 1 of the patch is not a hunk header'],
      ['a binary notice', 'Binary files a/x.py and b/x.py differ', 'line 1 of the patch is not a hunk header'],
      ['more lines than declared', '@@ -1 +1 @@\n-a\n+b\n+not counted', 'line 4 of the patch is past the counts its hunk header declares'],
      ['fewer lines than declared', '@@ -1,3 +1,3 @@\n a\n-b\n+B', 'the hunk at line 1 of the patch declares 3 old and 3 new lines but has 2 and 2'],
      ['a header that counts far past the lines present', '@@ -0,0 +1,999999999 @@\n+a', 'declares 0 old and 999999999 new lines but has 0 and 1'],
      ['removals where none are declared', '@@ -1,0 +1,2 @@\n-a\n+b\n+c', 'declares 0 old and 2 new lines but has 1 and 2'],
      ['a non-empty side starting at line 0', '@@ -0,0 +0,1 @@\n+a', 'starts a non-empty side at line 0'],
      ['a number too large to be a line', '@@ -1 +99999999999999999999,1 @@\n+a', 'a number too large to be a line'],
      ['hunks out of order', '@@ -10 +10 @@\n-a\n+b\n@@ -1 +1 @@\n-a\n+b', 'the hunk at line 4 of the patch overlaps or precedes the hunk before it'],
      ['text after the last hunk', '@@ -1 +1 @@\n-a\n+b\nBinary files differ', 'line 4 of the patch is past the counts'],
    ])('%s', (_, patch, message) => {
      expect(() => parsePatch(patch)).toThrow(PatchError);
      expect(() => parsePatch(patch)).toThrow(message);
    });

    it('never quotes the code of a bad line', () => {
      const error = (() => {
        try {
          parsePatch('@@ -1 +1 @@\n-a\n+b\nSECRET_TOKEN = 1');
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })();
      expect(error).toContain('line 4');
      expect(error).not.toContain('SECRET_TOKEN');
    });
  });
});
