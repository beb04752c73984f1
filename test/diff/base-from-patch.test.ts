import { baseFromPatch } from '../../src/diff/base-from-patch.js';

const text = (...lines: string[]) => lines.join('\n') + '\n';

describe('baseFromPatch', () => {
  it('puts deleted lines back and takes added ones out, hunk by hunk', () => {
    const base = text('a', 'b', 'mask(x)', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'old', 'j');
    const head = text('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'new1', 'new2', 'j');
    const patch = ['@@ -1,5 +1,4 @@', ' a', ' b', '-mask(x)', ' c', ' d', '@@ -8,5 +7,6 @@', ' g', ' h', ' i', '-old', '+new1', '+new2', ' j'].join('\n');
    expect(baseFromPatch(head, patch)).toBe(base);
  });

  it('reads zero-context hunks (`+c,0` sits after line c) and a missing final newline marker', () => {
    const base = text('a', 'gone', 'b');
    const head = text('a', 'b');
    expect(baseFromPatch(head, '@@ -2 +1,0 @@\n-gone\n')).toBe(base);
    expect(baseFromPatch('a\nb', '@@ -1,2 +1,2 @@\n a\n-c\n\\ No newline at end of file\n+b\n\\ No newline at end of file')).toBe('a\nc');
  });

  it('is null when the patch does not fit the head text (another version of the file)', () => {
    const head = text('a', 'b', 'c');
    expect(baseFromPatch(head, '@@ -1,3 +1,2 @@\n a\n-x\n z')).toBeNull();
    expect(baseFromPatch(head, '@@ -1,2 +1,2 @@\n a\n+q')).toBeNull();
    expect(baseFromPatch(head, '@@ -40,2 +40,2 @@\n y\n z')).toBeNull();
    expect(baseFromPatch(head, 'Binary files differ')).toBeNull();
  });

  it('tolerates CRLF lines on either side', () => {
    const head = 'a\r\nb\r\n';
    expect(baseFromPatch(head, '@@ -1,3 +1,2 @@\r\n a\r\n-x\r\n b\r\n')).toBe('a\r\nx\r\nb\r\n');
  });
});
