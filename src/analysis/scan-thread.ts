// A scanning thread (see ScanThreads): is sent the rules first (each query compiles on first use),
// then scans each file it is sent, one at a time, until told to stop.
import { parentPort } from 'node:worker_threads';
import { compileRules, type CompiledRules } from '../rules/compile-rules.js';
import type { Rule } from '../rules/rule.js';
import type { ScanLimits } from './scan-limits.js';
import { scanSource } from './scan-source.js';

let compiled: CompiledRules | null = null;

type Message = { stop: true } | { rules: Rule[] } | { id: number; path: string; text: string; limits: ScanLimits };

parentPort!.on('message', (message: Message) => {
  if ('stop' in message) {
    parentPort!.close();
    return;
  }
  if ('rules' in message) {
    // The main thread validated the rules when it loaded them.
    compiled = compileRules(message.rules, { validate: false });
    return;
  }
  const { id, path, text, limits } = message;
  try {
    if (!compiled) throw new Error('no rules were sent before the file');
    parentPort!.postMessage({ id, scan: scanSource(path, text, compiled, limits) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
