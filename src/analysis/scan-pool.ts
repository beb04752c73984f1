import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { Level } from '../findings/finding.js';
import type { Rule } from '../rules/rule.js';
import { DEFAULT_TIME_BUDGET_MS, timeBudgetReason, type ScanLimits } from './scan-limits.js';
import type { SourceScan } from './scan-source.js';

const WORKER = new URL('./scan-worker.js', import.meta.url);

/** Whether scanning processes can be used: only from the compiled JavaScript (not under a TypeScript loader). */
export function canUseScanPool(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * Which of the pool's rules a scan runs, and at what severity: a long-lived pool serves
 * repositories whose configs disable rules or override severities (see selectRules).
 */
export interface RuleSelection {
  ids: string[];
  /** Severity per rule id, where it differs from the rule's own. */
  severity: Record<string, Level>;
}

/** A scan the pool gave up on (its thread did not answer within the deadline, or died): the reason, for the file's `skipped` entry. */
export class ScanAbandoned extends Error {}

/** Extra time a thread has past the scan's own budget (which stops it cleanly) before it is killed. */
const GRACE_MS = 2000;

interface Job {
  id: number;
  message: { id: number; path: string; text: string; selection: RuleSelection | null; limits: ScanLimits };
  deadlineMs: number;
  budgetMs: number;
  resolve: (scan: SourceScan) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: ChildProcess;
  /** Jobs sent to this thread, in order: it answers them one at a time, the first being scanned. */
  queue: Job[];
  timer: NodeJS.Timeout | null;
  /** The thread has loaded and said so: a deadline counts scanning time, not a new thread's start. */
  ready: boolean;
}

/**
 * Scans files in worker processes, each with its own parser and compiled rules, so a large scan
 * uses every core and never blocks this thread. A file goes to the least busy worker; a crash in
 * a scan rejects that file only. Each file has a hard deadline (its time budget plus a grace, or
 * `deadlineMs`): a worker that has not answered by then is killed and replaced, that file is
 * rejected with a ScanAbandoned, and the files queued behind it go to the new worker.
 *
 * Processes, not worker threads: terminating a thread while it is inside tree-sitter's native
 * code aborts the whole process ("terminate called after throwing an instance of
 * 'Napi::Error'"); killing a process is always safe, and its memory is its own.
 */
export class ScanPool {
  private readonly slots: Slot[];
  private nextId = 0;
  private closed = false;

  /** `rules`: every rule a scan may select (validated); `deadlineMs`: the hard deadline per file, overriding budget + grace. */
  constructor(
    private readonly rules: readonly Rule[],
    size: number,
    private readonly options: { deadlineMs?: number } = {},
  ) {
    this.slots = Array.from({ length: size }, () => this.startSlot());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Files sent and not yet answered. */
  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.queue.length, 0);
  }

  /** Scans one file with the selected rules (all of the pool's when null), within `limits`. */
  scan(path: string, text: string, selection: RuleSelection | null = null, limits: ScanLimits = {}): Promise<SourceScan> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    const slot = this.slots.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    const id = this.nextId++;
    const budgetMs = limits.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    const deadlineMs = this.options.deadlineMs ?? budgetMs + GRACE_MS;
    return new Promise((resolve, reject) => {
      const job: Job = { id, message: { id, path, text, selection, limits }, deadlineMs, budgetMs, resolve, reject };
      slot.queue.push(job);
      slot.worker.send(job.message);
      if (slot.queue.length === 1) this.startTimer(slot);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      for (const job of slot.queue.splice(0)) job.reject(new Error('scan pool closed'));
    }
    await Promise.all(
      this.slots.map(({ worker }) => new Promise<void>((resolve) => {
        if (worker.exitCode !== null || worker.signalCode !== null) return resolve();
        worker.once('exit', () => resolve());
        worker.kill();
      })),
    );
  }

  private startSlot(): Slot {
    const slot: Slot = { worker: this.startWorker(), queue: [], timer: null, ready: false };
    this.listen(slot);
    return slot;
  }

  /** A worker process, sent the rules first (structured clone, as for threads). */
  private startWorker(): ChildProcess {
    const worker = fork(fileURLToPath(WORKER), [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    worker.send({ rules: this.rules });
    return worker;
  }

  private listen(slot: Slot): void {
    const { worker } = slot;
    worker.on('message', (message: { id: number; scan?: SourceScan; error?: string; ready?: true }) => {
      if (slot.worker !== worker) return;
      if (message.ready) {
        slot.ready = true;
        if (slot.queue.length) this.startTimer(slot);
        return;
      }
      const job = slot.queue[0];
      if (!job || job.id !== message.id) return;
      slot.queue.shift();
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (message.scan) job.resolve(message.scan);
      else job.reject(new Error(message.error ?? 'scan failed'));
      if (slot.queue.length) this.startTimer(slot);
    });
    // A thread that dies (out of memory, say) loses the file it was scanning; the rest move on.
    const died = (why: string) => {
      if (slot.worker !== worker || this.closed) return;
      this.replace(slot, new ScanAbandoned(`analysis failed: the scanning process ${why}`));
    };
    worker.on('error', (error) => died(`failed (${error.message})`));
    worker.on('exit', (code, signal) => died(`exited (${signal ?? `code ${code}`})`));
  }

  private startTimer(slot: Slot): void {
    if (!slot.ready) return;
    const job = slot.queue[0]!;
    slot.timer = setTimeout(() => this.replace(slot, new ScanAbandoned(timeBudgetReason(job.budgetMs))), job.deadlineMs);
    // A pending deadline must not keep a CLI process alive on its own.
    slot.timer.unref();
  }

  /** Terminates the slot's thread, rejects the file it was scanning and resends the rest to a new thread. */
  private replace(slot: Slot, error: ScanAbandoned): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const old = slot.worker;
    const [current, ...waiting] = slot.queue;
    old.kill('SIGKILL');
    slot.worker = this.startWorker();
    slot.ready = false;
    slot.queue = waiting;
    this.listen(slot);
    current?.reject(error);
    for (const job of waiting) slot.worker.send(job.message);
    if (waiting.length) this.startTimer(slot);
  }
}
