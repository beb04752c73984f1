import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdsPythonFiles, scannerPlan } from '../../src/cli/scanners.js';

describe('scannerPlan', () => {
  it('scans on this thread alone by default', () => {
    expect(scannerPlan({})).toEqual({ jobs: 1, workers: 'threads' });
  });

  it('takes DIFFSEC_THREADS, 1 meaning this thread alone', () => {
    expect(scannerPlan({ DIFFSEC_THREADS: '1' })).toEqual({ jobs: 1, workers: 'threads' });
    expect(scannerPlan({ DIFFSEC_THREADS: '6' })).toEqual({ jobs: 6, workers: 'threads' });
  });

  it('takes DIFFSEC_JOBS (processes with a hard deadline) over DIFFSEC_THREADS', () => {
    expect(scannerPlan({ DIFFSEC_JOBS: '3', DIFFSEC_THREADS: '2' })).toEqual({ jobs: 3, workers: 'processes' });
    expect(scannerPlan({ DIFFSEC_JOBS: '1' })).toEqual({ jobs: 1, workers: 'processes' });
  });

  it('ignores values that are not a positive whole number', () => {
    for (const value of ['0', '-2', '1.5', 'many', '']) {
      expect(scannerPlan({ DIFFSEC_THREADS: value })).toEqual({ jobs: 1, workers: 'threads' });
      expect(scannerPlan({ DIFFSEC_JOBS: value, DIFFSEC_THREADS: '2' })).toEqual({ jobs: 2, workers: 'threads' });
    }
  });
});

describe('holdsPythonFiles', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'diffsec-count-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x = 1\n');
  };

  it('counts .py files in nested folders, up to the count asked for', () => {
    write('a.py');
    write('pkg/b.py');
    write('pkg/sub/c.py');
    write('pkg/readme.txt');
    expect(holdsPythonFiles([root], 3)).toBe(true);
    expect(holdsPythonFiles([root], 4)).toBe(false);
    expect(holdsPythonFiles([join(root, 'pkg')], 2)).toBe(true);
    expect(holdsPythonFiles([join(root, 'pkg'), join(root, 'pkg', 'sub')], 3)).toBe(true);
  });

  it('skips hidden folders and files, and folders that do not exist', () => {
    write('.venv/lib/x.py');
    write('.hidden.py');
    write('one.py');
    expect(holdsPythonFiles([root, join(root, 'missing')], 2)).toBe(false);
    expect(holdsPythonFiles([root], 1)).toBe(true);
  });
});
