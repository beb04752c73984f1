import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ScanThreads, canUseScanThreads } from '../analysis/scan-threads.js';
import { POOL_AFTER } from '../review.js';

/** Who scans besides this thread: `jobs` scanners in all, the others processes or threads. */
export interface ScannerPlan {
  jobs: number;
  workers: 'processes' | 'threads';
}

/** Scanning threads a large local scan uses by default, at most: each more costs its own start and query compilation. */
export const DEFAULT_MAX_THREADS = 4;

/**
 * DIFFSEC_JOBS=N (N ≥ 2): N-1 scanning processes, each file under the app's hard deadline (a stuck
 * file is killed). DIFFSEC_THREADS=N: N-1 worker threads of this process, cheaper to start, with
 * each file's soft time budget only (1: this thread alone). Neither: one thread per core, up to
 * DEFAULT_MAX_THREADS, this one included (a scan of fewer than 32 files stays on this thread;
 * docs/performance.md measures each choice).
 */
export function scannerPlan(env: NodeJS.ProcessEnv, cores: number = availableParallelism()): ScannerPlan {
  const processes = Number(env.DIFFSEC_JOBS);
  if (Number.isInteger(processes) && processes >= 1) return { jobs: processes, workers: 'processes' };
  const threads = Number(env.DIFFSEC_THREADS);
  if (Number.isInteger(threads) && threads >= 1) return { jobs: threads, workers: 'threads' };
  return { jobs: Math.max(1, Math.min(cores, DEFAULT_MAX_THREADS)), workers: 'threads' };
}

/**
 * Scanning threads started before the config is read and the files listed, so they load their
 * code meanwhile: only for a plan with threads and a scan of folders holding enough Python files
 * for the review to use them (a quick bounded count; a few files never need them, and a thread
 * started for nothing costs a short scan its start-up). The review gives them their rules, or
 * leaves them idle; the caller closes them.
 */
export function startThreadsEarly(plan: ScannerPlan, paths: readonly string[], cwd: string): ScanThreads | null {
  if (plan.workers !== 'threads' || plan.jobs < 2 || !canUseScanThreads()) return null;
  const folders = paths.map((path) => resolve(cwd, path)).filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory());
  return holdsPythonFiles(folders, POOL_AFTER) ? new ScanThreads(plan.jobs - 1) : null;
}

/**
 * Whether the folders hold at least `count` `.py` files, hidden folders aside (counting stops
 * there). An estimate: the review's own listing also drops ignored and vendored files.
 */
export function holdsPythonFiles(folders: readonly string[], count: number): boolean {
  const pending = [...folders];
  let found = 0;
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) pending.push(resolve(folder, entry.name));
      else if (entry.name.endsWith('.py') && ++found >= count) return true;
    }
  }
  return false;
}
