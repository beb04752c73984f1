import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathSource } from '../../src/cli/path-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { FileContent } from '../../src/review.js';

describe('pathSource', () => {
  let root: string;
  const write = (path: string, text = 'x = 1\n') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const source = (paths: string[], overrides: { exclude?: string[]; maxFileBytes?: number; cwd?: string } = {}) =>
    pathSource({ paths, cwd: overrides.cwd ?? root, include: DEFAULT_CONFIG.include, exclude: [...DEFAULT_CONFIG.exclude, ...(overrides.exclude ?? [])], maxFileBytes: overrides.maxFileBytes ?? 1000 });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'diffsec-paths-'));
    for (const path of ['b.py', 'a/z.py', 'a/types.pyi', 'a/notes.txt', 'a/migrations/0001.py', '.git/hooks/x.py', '.venv/lib/x.py', 'venv/lib/x.py', 'env/lib/x.py', 'env/pyvenv.cfg', 'node_modules/p/x.py', 'a/__pycache__/x.py', '.tox/py/x.py', 'outside/secret.py']) write(path);
    symlinkSync(join(root, 'outside'), join(root, 'linked-dir'));
    symlinkSync(join(root, 'outside/secret.py'), join(root, 'linked.py'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders in name order, skipping VCS, virtualenvs, caches, excluded folders and links', async () => {
    const files = await source(['.'], { exclude: ['a/migrations/**'] }).listFiles();
    expect(files.map((f) => f.path)).toEqual(['a/types.pyi', 'a/z.py', 'b.py', 'outside/secret.py']);
    expect(files.every((f) => f.status === 'added' && f.diff === null)).toBe(true);
  });

  it('takes named files as given, follows a named link, and reports paths outside the cwd absolutely', async () => {
    const files = await source(['linked.py', 'a/notes.txt', join(root, 'b.py')]).listFiles();
    expect(files.map((f) => f.path)).toEqual(['linked.py', 'a/notes.txt', 'b.py']);
    const outside = await source(['b.py'], { cwd: join(root, 'a') }).listFiles().catch((e: Error) => e.message);
    expect(outside).toBe('b.py: no such file or folder');
    const absolute = await source([join(root, 'b.py')], { cwd: join(root, 'a') }).listFiles();
    expect(absolute.map((f) => f.path)).toEqual([join(root, 'b.py')]);
  });

  it('reads files in the order asked, refusing an oversized one without reading it', async () => {
    write('big.py', 'y = 2\n'.repeat(10));
    const src = source(['b.py', 'big.py'], { maxFileBytes: 59 });
    await src.listFiles();
    const read: FileContent[] = [];
    for await (const content of src.readFiles(['big.py', 'b.py', 'gone.py'])) read.push(content);
    expect(read[0]).toEqual({ path: 'big.py', error: 'too large: 60 bytes, over the limit of 59 (max_file_bytes)' });
    expect(read[1]).toEqual({ path: 'b.py', bytes: Buffer.from('x = 1\n') });
    expect(read[2]).toEqual({ path: 'gone.py', error: 'cannot read: ENOENT' });
  });
});
