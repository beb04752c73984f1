import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, without --expose-gc: the flag set at run time exposes `gc` in
 * contexts created afterwards (jest's test context is older, so `global.gc` stays undefined).
 * Returns false when the runtime refuses.
 */
function collect(): boolean {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc) return false;
  gc();
  gc();
  return true;
}

/** Heap in use after a full collection (or as it stands, when none can be forced), in MB. */
export function heapAfterGc(): { heapMb: number; externalMb: number; collected: boolean } {
  const collected = collect();
  const { heapUsed, external } = process.memoryUsage();
  return { heapMb: heapUsed / 2 ** 20, externalMb: external / 2 ** 20, collected };
}
