// A scanning thread (see ScanThreads): is sent the rules and their gates first (each query
// compiles on first use), then scans each file it is sent, one at a time, until told to stop.
// `npm run build` also writes it in one file, dist/scan-thread.js, which threads start from.
import { parentPort } from 'node:worker_threads';
import { compileRules, type CompiledRules } from '../rules/compile-rules.js';
import { addKnownGates, type GateEntry } from '../rules/pattern-gate.js';
import type { Rule } from '../rules/rule.js';
import type { ScanLimits } from './scan-limits.js';
import { scanSource } from './scan-source.js';

let compiled: CompiledRules | null = null;

type Message = { stop: true } | { rules: Rule[]; gates: GateEntry[] } | { id: number; path: string; text: string; limits: ScanLimits };

parentPort!.on('message', (message: Message) => {
  if ('stop' in message) {
    parentPort!.close();
    return;
  }
  if ('rules' in message) {
    // The main thread validated the rules when it loaded them, and computed (or knew) their gates.
    addKnownGates(message.gates);
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
