import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobLedger } from './job-ledger.js';

/** The queue job a worker is running, seen by every GitHub call made on its behalf. */
export interface CurrentJob {
  jobId: string;
  ledger: JobLedger;
}

/** Set by the worker around each job; empty outside a job. */
export const currentJob = new AsyncLocalStorage<CurrentJob>();
