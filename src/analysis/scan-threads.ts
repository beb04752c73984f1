import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtEntry } from '../built-entry.js';
import { gatesOf, type GateEntry } from '../rules/pattern-gate.js';
import type { Rule } from '../rules/rule.js';
import { gateQueriesOf } from '../rules/rule-snapshot.js';
import type { ScanLimits } from './scan-limits.js';
import type { SourceScan } from './scan-source.js';

/** A thread's code: its modules as tsc wrote them, and the same in one file (written by `npm run build` after them: scripts/bundle-cli.mjs). */
const MODULES = new URL('./scan-thread.js', import.meta.url);
const BUNDLE = new URL('../../scan-thread.js', import.meta.url);

/** Whether scanning threads can be used: only from the compiled JavaScript (not under a TypeScript loader). */
export function canUseScanThreads(): boolean {
  return existsSync(fileURLToPath(MODULES));
}

let entry: URL | undefined;

/** What a thread runs: the bundle, which starts with one file to load instead of about a hundred, when current (see builtEntry). */
function threadEntry(): URL {
  return (entry ??= builtEntry(BUNDLE, MODULES));
}

/** The gates compiling these rules reads (see gateQueriesOf), as this thread knows them (the rule snapshot's) or computes them once. */
function gateTableOf(rules: readonly Rule[]): GateEntry[] {
  return rules.flatMap((rule) => gateQueriesOf(rule).map(({ query, where }): GateEntry => [query, JSON.stringify(where), gatesOf({ query, where })]));
}

interface Job {
  id: number;
  resolve: (scan: SourceScan) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this thread and not yet answered, oldest first. */
  queue: Job[];
  /** Set once the thread died: its queue was rejected, it takes no more files. */
  dead: boolean;
  /** Set once the thread was sent a file. */
  used: boolean;
}

/**
 * Scans files on worker threads of this process, each with its own parser and compiled rules: a
 * large local scan (`diffsec scan`) uses a second core at the price of one thread's start, rule
 * loading and query compilation — cheaper than a process, and files cross by structured clone
 * instead of a pipe. There is no hard deadline here: a thread inside tree-sitter's native code
 * cannot be terminated safely (it aborts the process), so each file has only its soft time budget
 * (scanSource stops at it), and `close` lets every thread finish its file and leave on its own.
 * The app, which must kill a stuck scan, uses ScanPool's processes instead.
 */
export class ScanThreads {
  private readonly slots: Slot[];
  private nextId = 0;
  private closed = false;
  private ruled = false;

  /**
   * Starts `size` threads at once: they load their code while the caller reads its config and
   * lists files; `rules` (when given here, or later through `useRules`) must reach them before a file.
   */
  constructor(size: number, rules?: readonly Rule[]) {
    this.slots = Array.from({ length: size }, () => this.startSlot());
    if (rules) this.useRules(rules);
  }

  /**
   * Sends the rules every scan runs (once: the threads compile them as their files need), with
   * their gates, so that a thread does not compute them again (this thread needs them too).
   */
  useRules(rules: readonly Rule[]): void {
    if (this.ruled) throw new Error('the scanning threads have their rules already');
    this.ruled = true;
    // One message per thread holds both: a gate shared by several rules stays one object there.
    const gates = gateTableOf(rules);
    for (const slot of this.slots) slot.worker.postMessage({ rules, gates });
  }

  get size(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** Files sent and not yet answered. */
  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.queue.length, 0);
  }

  /** Scans one file with every rule the threads hold, within `limits`, on the least busy live thread. */
  scan(path: string, text: string, limits: ScanLimits = {}): Promise<SourceScan> {
    const live = this.slots.filter((s) => !s.dead);
    if (this.closed || live.length === 0) return Promise.reject(new Error(this.closed ? 'scan threads closed' : 'no scanning thread is left'));
    if (!this.ruled) return Promise.reject(new Error('the scanning threads have no rules yet'));
    const slot = live.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    const id = this.nextId++;
    slot.used = true;
    return new Promise((resolve, reject) => {
      slot.queue.push({ id, resolve, reject });
      slot.worker.postMessage({ id, path, text, limits });
    });
  }

  /**
   * Waits for the files in flight, then lets each thread leave (none is terminated mid-scan). A
   * thread never sent a file (a scan of a few files) is told to leave and not waited for: it may
   * still be loading its code, which would hold a short scan up by its start-up time.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map((slot) => new Promise<void>((resolve) => {
        if (slot.dead) return resolve();
        if (!slot.used) {
          slot.worker.unref();
          slot.worker.postMessage({ stop: true });
          return resolve();
        }
        slot.worker.once('exit', () => resolve());
        slot.worker.postMessage({ stop: true });
      })),
    );
  }

  private startSlot(): Slot {
    const worker = new Worker(threadEntry());
    const slot: Slot = { worker, queue: [], dead: false, used: false };
    worker.on('message', (message: { id: number; scan?: SourceScan; error?: string }) => {
      const job = slot.queue[0];
      if (!job || job.id !== message.id) return;
      slot.queue.shift();
      if (message.scan) job.resolve(message.scan);
      else job.reject(new Error(message.error ?? 'scan failed'));
    });
    // A thread that dies (out of memory, say) loses the files it held; the others carry on.
    const died = (why: string) => {
      if (slot.dead) return;
      slot.dead = true;
      for (const job of slot.queue.splice(0)) job.reject(new Error(`the scanning thread ${why}`));
    };
    worker.on('error', (error) => died(`failed (${error.message})`));
    worker.on('exit', (code) => died(`exited (code ${code})`));
    return slot;
  }
}
