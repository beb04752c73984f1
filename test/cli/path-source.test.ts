import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
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

  describe('non-regular files', () => {
    let fifoRoot: string;
    let server: Server;
    beforeAll(async () => {
      fifoRoot = mkdtempSync(join(tmpdir(), 'diffsec-fifo-'));
      mkdirSync(join(fifoRoot, 'pkg'));
      writeFileSync(join(fifoRoot, 'pkg/ok.py'), 'x = 1\n');
      // Nobody ever writes to these: opening one to read would wait for ever.
      execFileSync('mkfifo', [join(fifoRoot, 'x.py'), join(fifoRoot, 'pkg/pipe.py'), join(fifoRoot, 'pkg/pipe.txt')]);
      symlinkSync(join(fifoRoot, 'x.py'), join(fifoRoot, 'link-to-fifo.py'));
      server = createServer();
      await new Promise<void>((done) => server.listen(join(fifoRoot, 'pkg/sock.py'), done));
    });
    afterAll(async () => {
      await new Promise((done) => server.close(done));
      rmSync(fifoRoot, { recursive: true, force: true });
    });

    const readAll = async (paths: string[]) => {
      const src = pathSource({ paths, cwd: fifoRoot, include: DEFAULT_CONFIG.include, exclude: DEFAULT_CONFIG.exclude, maxFileBytes: 1000 });
      const listed = (await src.listFiles()).map((f) => f.path);
      const read: FileContent[] = [];
      for await (const content of src.readFiles(listed)) read.push(content);
      return read;
    };
    const FIFO = 'not a regular file: a FIFO (named pipe), not read';

    it('skips a FIFO named on the command line with the reason, without opening it', async () => {
      const started = performance.now();
      expect(await readAll(['x.py', 'link-to-fifo.py'])).toEqual([
        { path: 'x.py', error: FIFO },
        { path: 'link-to-fifo.py', error: FIFO },
      ]);
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('lists FIFOs and sockets met in a folder (when the globs select them) as skipped', async () => {
      expect(await readAll(['.'])).toEqual([
        { path: 'pkg/ok.py', bytes: Buffer.from('x = 1\n') },
        { path: 'pkg/pipe.py', error: FIFO },
        { path: 'pkg/sock.py', error: 'not a regular file: a socket, not read' },
        { path: 'x.py', error: FIFO },
      ]);
    });

    it('skips a character device', async () => {
      expect(await readAll(['/dev/null'])).toEqual([{ path: '/dev/null', error: 'not a regular file: a character device, not read' }]);
    });
  });
});
