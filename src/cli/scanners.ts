import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScanThreads, canUseScanThreads } from '../analysis/scan-threads.js';
import { POOL_AFTER } from '../review.js';

/** Who scans besides this thread: `jobs` scanners in all, the others processes or threads. */
export interface ScannerPlan {
  jobs: number;
  workers: 'processes' | 'threads';
}

/**
 * DIFFSEC_JOBS=N (N ≥ 2): N-1 scanning processes, each file under the app's hard deadline (a stuck
 * file is killed). DIFFSEC_THREADS=N: N-1 worker threads of this process, cheaper to start, with
 * each file's soft time budget only. Neither: this thread alone, yielding between files. Threads
 * are not the default: on a 2-vCPU machine two busy threads each run 1.3–1.5× slower, so a second
 * thread gained 0–4% of wall time from 160 files on, lost 28% on 64, and cost a third more CPU
 * (docs/performance.md); a machine with real cores to spare should set DIFFSEC_THREADS.
 */
export function scannerPlan(env: NodeJS.ProcessEnv): ScannerPlan {
  const processes = Number(env.DIFFSEC_JOBS);
  if (Number.isInteger(processes) && processes >= 1) return { jobs: processes, workers: 'processes' };
  const threads = Number(env.DIFFSEC_THREADS);
  if (Number.isInteger(threads) && threads >= 1) return { jobs: threads, workers: 'threads' };
  return { jobs: 1, workers: 'threads' };
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
