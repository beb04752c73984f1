// A scanning thread: compiles the rules it is given once, then scans each file it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRules } from '../rules/compile-rules.js';
import type { Rule } from '../rules/rule.js';
import { scanSource } from './scan-source.js';

// The main thread has validated the rules: compile each query only when a file first needs it.
const compiled = compileRules(workerData.rules as Rule[], { validate: false });

parentPort!.on('message', ({ id, path, text }: { id: number; path: string; text: string }) => {
  try {
    parentPort!.postMessage({ id, scan: scanSource(path, text, compiled) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
