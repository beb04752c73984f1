// A scanning thread (see ScanThreads): compiles the rules it is given (each query on first use)
// and scans each file it is sent, one at a time, until told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRules } from '../rules/compile-rules.js';
import type { Rule } from '../rules/rule.js';
import type { ScanLimits } from './scan-limits.js';
import { scanSource } from './scan-source.js';

// The main thread validated the rules when it loaded them.
const compiled = compileRules((workerData as { rules: Rule[] }).rules, { validate: false });

type Message = { stop: true } | { id: number; path: string; text: string; limits: ScanLimits };

parentPort!.on('message', (message: Message) => {
  if ('stop' in message) {
    parentPort!.close();
    return;
  }
  const { id, path, text, limits } = message;
  try {
    parentPort!.postMessage({ id, scan: scanSource(path, text, compiled, limits) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
