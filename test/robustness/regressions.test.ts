import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';

// Cases the battery found, kept as plain tests so they stay fixed whatever the seed.
describe('robustness regressions', () => {
  it('parseUnifiedDiff keeps the header path when a ---/+++ or rename line names none (mutated-real@79921b8c)', () => {
    const files = parseUnifiedDiff('diff --git "a/dir/f6.py" "b/dir/f6.py"\nnew file mode 100644\n+++ \n--- /dev/null\n@@ -1,0 +1 @@\n+x\n');
    expect(files.map((f) => [f.path, f.status, f.hunks[0]!.added])).toEqual([['dir/f6.py', 'added', [1]]]);
    expect(parseUnifiedDiff('diff --git a/x b/x\nrename from \nrename to \n').map((f) => f.path)).toEqual(['x']);
  });

  it('parseUnifiedDiff refuses a file with no path at all, naming the line, instead of returning path ""', () => {
    expect(() => parseUnifiedDiff('ok\ndiff --git "a/x\n@@ -1 +1 @@\n-a\n+b\n')).toThrow(/no file path in the diff header at line 2/);
    expect(() => parseUnifiedDiff('diff --git \n')).toThrow(/at line 1/);
  });
});

describe('robustness regressions: file names', () => {
  it('include globs match a Python file whose folder or name holds a newline or a carriage return (hostile-file-name@71865aaf)', async () => {
    const { compileGlobs } = await import('../../src/config/glob.js');
    const { DEFAULT_CONFIG } = await import('../../src/config/config.js');
    for (const path of ['a\nb/x.py', 'dir/evil\n.py', 'x\r.py', 'd\u2028/y.py']) expect([path, compileGlobs(DEFAULT_CONFIG.include).matches(path)]).toEqual([path, true]);
    expect(compileGlobs(DEFAULT_CONFIG.exclude).matches('a\nb/.venv/x.py')).toBe(true);
  });
});
