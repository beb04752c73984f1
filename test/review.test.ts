import { DEFAULT_CONFIG } from '../src/config/config.js';
import { parseConfig } from '../src/config/parse-config.js';
import type { FileDiff } from '../src/diff/file-diff.js';
import { runReview, type ChangedFile, type FileContent, type ReviewSource } from '../src/review.js';
import { makeRule } from './helpers/make-rule.js';

/** An in-memory source: files with optional diffs, and contents (string, bytes, or an error). */
function memorySource(files: Array<{ path: string; content: string | Uint8Array | Error; diff?: FileDiff | null; status?: ChangedFile['status'] }>): ReviewSource {
  return {
    async listFiles() {
      return files.map((f) => ({ path: f.path, status: f.status ?? 'modified', diff: f.diff ?? null }));
    },
    async *readFiles(paths: string[]): AsyncIterable<FileContent> {
      for (const path of paths) {
        const file = files.find((f) => f.path === path)!;
        if (file.content instanceof Error) yield { path, error: file.content.message };
        else yield { path, bytes: typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content };
      }
    },
  };
}

const addedAt = (path: string, ...lines: number[]): FileDiff => ({
  path,
  status: 'modified',
  binary: false,
  modeOnly: false,
  hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 10, added: lines, removed: [] }],
});

const rules = [makeRule()];

describe('runReview', () => {
  it('keeps findings on changed lines and counts the rest', async () => {
    const source = memorySource([{ path: 'a.py', content: 'import os\nos.system(old)\nos.system(new)\n', diff: addedAt('a.py', 3) }]);
    const result = await runReview(source, { config: DEFAULT_CONFIG, rules });
    expect(result.findings.map((f) => [f.line, f.scope])).toEqual([[3, 'changed']]);
    expect(result.stats).toMatchObject({ files: 1, lines: 4, outsideDiff: 1 });
  });

  it('reviews the rest of the change when files are bad, saying why each was skipped', async () => {
    const source = memorySource([
      { path: 'bin.py', content: new Uint8Array([0x69, 0x00, 0x01]) },
      { path: 'latin1.py', content: new Uint8Array([0x23, 0xe9, 0x0a]) },
      { path: 'empty.py', content: '' },
      { path: 'huge.py', content: 'x = 1\n'.repeat(1000) },
      { path: 'gone.py', content: new Error('could not fetch: 404') },
      { path: 'old.py', content: 'unused', status: 'removed' },
      { path: 'good.py', content: 'import os\nos.system(cmd)\n' },
      { path: 'README.md', content: 'os.system(x)' },
    ]);
    const result = await runReview(source, { config: parseConfig({ max_file_bytes: 4000 }), rules });
    expect(result.findings.map((f) => f.path)).toEqual(['good.py']);
    expect(result.skipped).toEqual([
      { path: 'bin.py', reason: 'binary file (contains NUL bytes)' },
      { path: 'empty.py', reason: 'empty file' },
      { path: 'gone.py', reason: 'could not fetch: 404' },
      { path: 'huge.py', reason: 'too large: 6000 bytes, over the limit of 4000 (max_file_bytes)' },
      { path: 'latin1.py', reason: 'not valid UTF-8 (first bad byte at offset 1)' },
      { path: 'old.py', reason: 'removed by this change' },
    ]);
  });

  it('still analyses a file that does not parse, and reports the trouble', async () => {
    const source = memorySource([{ path: 'broken.py', content: 'import os\nos.system(cmd)\ndef f(:\n' }]);
    const result = await runReview(source, { config: DEFAULT_CONFIG, rules });
    expect(result.findings.map((f) => f.line)).toEqual([2]);
    expect(result.errors).toEqual([expect.stringMatching(/^broken\.py: syntax errors/)]);
  });

  it('applies include, exclude, disabled rules and severity overrides', async () => {
    const files = [
      { path: 'src/a.py', content: 'import os\nos.system(cmd)\n' },
      { path: 'migrations/b.py', content: 'import os\nos.system(cmd)\n' },
    ];
    const excluded = await runReview(memorySource(files), { config: parseConfig({ exclude: ['migrations/**'], rules: { severity: { DS901: 'low' } } }), rules });
    expect(excluded.findings.map((f) => [f.path, f.severity])).toEqual([['src/a.py', 'low']]);
    const disabled = await runReview(memorySource(files), { config: parseConfig({ rules: { disable: ['DS901'] } }), rules });
    expect(disabled.findings).toEqual([]);
    await expect(runReview(memorySource(files), { config: parseConfig({ rules: { disable: ['DS999'] } }), rules })).rejects.toThrow('names rule DS999, which does not exist');
  });

  it('counts findings below the report threshold instead of listing them', async () => {
    const source = memorySource([{ path: 'a.py', content: 'import os\nos.system(cmd)\n' }]);
    const result = await runReview(source, { config: parseConfig({ report: { confidence: 'high' } }), rules });
    expect(result.findings).toEqual([]);
    expect(result.stats.belowThreshold).toBe(1);
  });

  it('keeps the first findings of a file past the finding cap and lists it as incomplete', async () => {
    const source = memorySource([{ path: 'many.py', content: `import os\n${'os.system(x)\n'.repeat(5)}` }]);
    const result = await runReview(source, { config: DEFAULT_CONFIG, rules, limits: { maxFindings: 3 } });
    expect(result.findings.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(result.skipped).toEqual([{ path: 'many.py', reason: 'partly analysed: stopped after 3 findings (the per-file cap)', incomplete: true }]);
  });

  it('lists a file whose scan ran out of time, or crashed, as incomplete', async () => {
    const slow = await runReview(memorySource([{ path: 'a.py', content: 'import os\nos.system(x)\n' }]), { config: DEFAULT_CONFIG, rules, limits: { timeBudgetMs: 0 } });
    expect(slow.skipped).toEqual([{ path: 'a.py', reason: expect.stringMatching(/^not fully analysed: the scan took longer than its time budget/), incomplete: true }]);
    // A query the grammar rejects is compiled only when a file needs it: the engine fails on that file.
    const broken = [makeRule({ query: '(call function: (no_such_node) @callee arguments: (argument_list . (_) @command)) @finding' })];
    const crashed = await runReview(memorySource([{ path: 'b.py', content: 'import os\nos.system(x)\n' }]), { config: DEFAULT_CONFIG, rules: broken });
    expect(crashed.skipped).toEqual([{ path: 'b.py', reason: expect.stringMatching(/^analysis failed: /), incomplete: true }]);
  });
});
