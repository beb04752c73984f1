import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rule } from '../rules/rule.js';
import type { SourceScan } from './scan-source.js';

const WORKER = new URL('./scan-worker.js', import.meta.url);

/** Whether worker threads can be used: only from the compiled JavaScript (not under a TypeScript loader). */
export function canUseScanPool(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * Scans files on worker threads, each with its own parser and compiled rules, so a large scan
 * uses every core. A file goes to the least busy thread; a crash in a scan rejects that file only.
 */
export class ScanPool {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly pending = new Map<number, { resolve: (scan: SourceScan) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(rules: readonly Rule[], size: number) {
    this.workers = Array.from({ length: size }, () => {
      const entry = { worker: new Worker(WORKER, { workerData: { rules } }), busy: 0 };
      entry.worker.on('message', (message: { id: number; scan?: SourceScan; error?: string }) => {
        entry.busy--;
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.scan) waiting?.resolve(message.scan);
        else waiting?.reject(new Error(message.error ?? 'scan failed'));
      });
      entry.worker.on('error', (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
      return entry;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Files sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  scan(path: string, text: string): Promise<SourceScan> {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    entry.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, path, text });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
