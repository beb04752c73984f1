import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScanThreads, canUseScanThreads } from '../analysis/scan-threads.js';

/** Who scans besides this thread: `jobs` scanners in all, the others processes or threads. */
export interface ScannerPlan {
  jobs: number;
  workers: 'processes' | 'threads';
}

/**
 * DIFFSEC_JOBS=N (N ≥ 2): N-1 scanning processes, each file under the app's hard deadline (a stuck
 * file is killed). DIFFSEC_THREADS=N: N-1 worker threads of this process, cheaper to start, with
 * each file's soft time budget only. Neither: this thread alone, yielding between files
 * (docs/performance.md measures each choice).
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
 * code meanwhile: only for a plan with threads and a scan of a folder (a few named files never
 * need them). The review gives them their rules, or leaves them idle; the caller closes them.
 */
export function startThreadsEarly(plan: ScannerPlan, paths: readonly string[], cwd: string): ScanThreads | null {
  if (plan.workers !== 'threads' || plan.jobs < 2 || !canUseScanThreads()) return null;
  const folder = paths.some((path) => statSync(resolve(cwd, path), { throwIfNoEntry: false })?.isDirectory());
  return folder ? new ScanThreads(plan.jobs - 1) : null;
}
