/**
 * How the battery runs, from the environment:
 * - DIFFSEC_ROBUSTNESS=full: at least 1,000 generated inputs per area (default: a quick subset for `npm test`);
 * - DIFFSEC_SEED=<number|0xhex|random>: the base seed (default fixed, so CI is deterministic);
 * - DIFFSEC_REPLAY=<kind>@<hex>: run only that one case (printed with every failure);
 * - DIFFSEC_ROBUSTNESS_STRICT=1: ignore KNOWN_FAILURES (to check that merged fixes hold);
 * - DIFFSEC_ROBUSTNESS_TRACE=1: print each case before running it (to find a case that hangs);
 * - DIFFSEC_ROBUSTNESS_BOUND_MS=<ms>: the per-input time bound for small inputs (default 2000).
 */
export interface BatterySettings {
  full: boolean;
  seed: number;
  replay: { kind: string; seed: number } | null;
  strict: boolean;
  trace: boolean;
  boundMs: number;
}

const DEFAULT_SEED = 0x5eed14;

/** Reads the settings; a malformed variable is an error that names it. */
export function batterySettings(env: NodeJS.ProcessEnv = process.env): BatterySettings {
  const mode = env.DIFFSEC_ROBUSTNESS ?? 'quick';
  if (mode !== 'quick' && mode !== 'full') throw new Error(`DIFFSEC_ROBUSTNESS must be quick or full, not ${JSON.stringify(mode)}`);
  let seed = DEFAULT_SEED;
  const rawSeed = env.DIFFSEC_SEED;
  if (rawSeed === 'random') seed = (Date.now() ^ (process.pid << 16)) >>> 0;
  else if (rawSeed) {
    seed = Number(rawSeed);
    if (!Number.isInteger(seed)) throw new Error(`DIFFSEC_SEED must be an integer, 0x-hex or "random", not ${JSON.stringify(rawSeed)}`);
    seed >>>= 0;
  }
  let replay: BatterySettings['replay'] = null;
  if (env.DIFFSEC_REPLAY) {
    const m = /^([a-z0-9-]+)@([0-9a-f]{8})$/.exec(env.DIFFSEC_REPLAY);
    if (!m) throw new Error(`DIFFSEC_REPLAY must look like kind@0123abcd (as printed with a failure), not ${JSON.stringify(env.DIFFSEC_REPLAY)}`);
    replay = { kind: m[1]!, seed: parseInt(m[2]!, 16) };
  }
  const boundMs = Number(env.DIFFSEC_ROBUSTNESS_BOUND_MS ?? 2000);
  if (!(boundMs > 0)) throw new Error('DIFFSEC_ROBUSTNESS_BOUND_MS must be a positive number of milliseconds');
  return { full: mode === 'full', seed, replay, strict: env.DIFFSEC_ROBUSTNESS_STRICT === '1', trace: env.DIFFSEC_ROBUSTNESS_TRACE === '1', boundMs };
}
