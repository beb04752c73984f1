import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnifiedDiff, unquote } from '../../src/diff/parse-unified-diff.js';

const DIR = join(process.cwd(), 'test/fixtures/diffs');
// Golden files: real `git diff` output beside its parsed form, checked by hand.
const cases = readdirSync(DIR).filter((f) => f.endsWith('.diff'));

describe('parseUnifiedDiff on golden diffs', () => {
  it('has golden cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)('%s', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.diff$/, '.json')), 'utf8'));
    expect(parseUnifiedDiff(text)).toEqual(expected);
  });
});

describe('parseUnifiedDiff', () => {
  it('reads CRLF diffs like LF ones', () => {
    const lf = 'diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n';
    expect(parseUnifiedDiff(lf.replace(/\n/g, '\r\n'))).toEqual(parseUnifiedDiff(lf));
    expect(parseUnifiedDiff(lf)[0]!.hunks[0]!.added).toEqual([2]);
  });

  it('splits an unquoted header with spaces when no ---/+++ lines follow', () => {
    const diff = 'diff --git a/my dir/a b.py b/my dir/a b.py\nold mode 100644\nnew mode 100755\n';
    expect(parseUnifiedDiff(diff)).toEqual([
      { path: 'my dir/a b.py', status: 'modified', binary: false, modeOnly: true, oldMode: '100644', newMode: '100755', hunks: [] },
    ]);
  });

  it('reads quoted rename lines', () => {
    const diff = 'diff --git "a/\\303\\251.py" "b/\\303\\240.py"\nsimilarity index 100%\nrename from "\\303\\251.py"\nrename to "\\303\\240.py"\n';
    expect(parseUnifiedDiff(diff)[0]).toMatchObject({ path: 'à.py', previousPath: 'é.py', status: 'renamed' });
  });

  it('gives nothing for text that is not a diff', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
    expect(parseUnifiedDiff('hello\nworld\n')).toEqual([]);
  });
});

describe('unquote', () => {
  it('undoes C-style quoting with UTF-8 octal escapes', () => {
    expect(unquote('"caf\\303\\251 \\"x\\"\\t.py"')).toBe('café "x"\t.py');
    expect(unquote('plain.py')).toBe('plain.py');
  });
});

describe('parseUnifiedDiff with a hunk after a stray line', () => {
  it('refuses the diff, naming the line, rather than drop the hunk', () => {
    const diff = ['diff --git a/x.py b/x.py', '--- a/x.py', '+++ b/x.py', '@@ -1 +1 @@', '-a', '+b', 'stray text', '@@ -5 +5 @@', '-c', '+d', ''].join('\n');
    expect(() => parseUnifiedDiff(diff)).toThrow(/hunk at line 8 follows a line that is not part of a hunk/);
  });

  it('still ignores text between files that holds no hunk', () => {
    const diff = ['diff --git a/x.py b/x.py', '--- a/x.py', '+++ b/x.py', '@@ -1 +1 @@', '-a', '+b', 'a trailer line', ''].join('\n');
    expect(parseUnifiedDiff(diff).map((f) => f.hunks.length)).toEqual([1]);
  });
});
