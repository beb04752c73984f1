import { KNOWN_FAILURES, knownFailureOf, type KnownFailure } from './known-failures.js';
import { caseSeed, Random } from './random.js';
import { heapAfterGc } from './heap.js';
import type { BatterySettings } from './settings.js';

/** An invariant the output broke (as opposed to an exception from the code under test). */
export class Violation extends Error {
  override name = 'Violation';
}

/** Throws a Violation with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Violation(message);
}

/** One area of the battery: how to make inputs of each kind and how to check one. */
export interface Area<T> {
  /** `engine`, `diff`, `config`, `renderers`: also the test file to replay with. */
  name: string;
  /** Kinds drawn at random for generated cases. */
  kinds: readonly string[];
  /** Kinds always run once each (the calibrated large inputs), in quick mode too unless known to be slow. */
  hazards: readonly string[];
  generate(kind: string, random: Random): T;
  /** Feeds the input through the code under test; throws a Violation when an invariant breaks. */
  check(input: T, kind: string): void | Promise<void>;
  /** True for a documented, clean error (ConfigError, a parse error naming the line). */
  allowed(error: Error): boolean;
  /** The time bound for this input, in ms (scaled with its size). */
  boundMs(input: T, settings: BatterySettings): number;
  /** A short description for failure messages: kind-specific sizes, never the content. */
  describe(input: T): string;
}

export interface CaseOutcome {
  id: string;
  message: string;
  known?: KnownFailure;
}

export interface BatteryReport {
  area: string;
  ran: number;
  failures: CaseOutcome[];
  known: CaseOutcome[];
  notRun: CaseOutcome[];
  slowest: { id: string; ms: number }[];
  totalMs: number;
}

const hex = (seed: number) => seed.toString(16).padStart(8, '0');

/**
 * Runs `count` generated cases (plus the area's hazards) and returns every failure with the id
 * that replays it (`kind@seed`). A failure matched by KNOWN_FAILURES is set apart; a known-slow
 * hazard is not run in quick mode.
 */
export async function runBattery<T>(area: Area<T>, count: number, settings: BatterySettings): Promise<BatteryReport> {
  const started = performance.now();
  const report: BatteryReport = { area: area.name, ran: 0, failures: [], known: [], notRun: [], slowest: [], totalMs: 0 };
  const cases: { kind: string; seed: number; hazard: boolean }[] = [];
  if (settings.replay) {
    if (area.kinds.includes(settings.replay.kind) || area.hazards.includes(settings.replay.kind)) cases.push({ ...settings.replay, hazard: false });
  } else {
    area.hazards.forEach((kind, i) => cases.push({ kind, seed: caseSeed(settings.seed ^ 0xa5a5a5a5, i), hazard: true }));
    for (let i = 0; i < count; i++) {
      const seed = caseSeed(settings.seed, i);
      // The kind comes from a stream of its own, so `kind@seed` alone regenerates the case.
      cases.push({ kind: new Random(seed ^ 0x6b696e64).pick(area.kinds), seed, hazard: false });
    }
  }
  const timings: { id: string; ms: number }[] = [];
  for (const { kind, seed, hazard } of cases) {
    const id = `${kind}@${hex(seed)}`;
    const list = settings.strict ? [] : undefined;
    if (hazard && !settings.full) {
      const slow = knownFailureOf(area.name, kind, null, list);
      if (slow?.slow) {
        report.notRun.push({ id, message: 'known to be slow; runs with DIFFSEC_ROBUSTNESS=full', known: slow });
        continue;
      }
    }
    const input = area.generate(kind, new Random(seed));
    const what = `${id} (${area.describe(input)})`;
    // A generated case a known bug would keep busy for minutes cannot be interrupted (one thread): not run while listed.
    const hang = hazard ? undefined : (list ?? KNOWN_FAILURES).find((k) => k.area === area.name && k.wouldHang?.(input));
    if (hang) {
      report.notRun.push({ id: what, message: 'would run for minutes while the known bug stands', known: hang });
      continue;
    }
    if (settings.trace) process.stderr.write(`robustness ${area.name}: ${what}\n`);
    let message: string | null = null;
    // CPU time, not wall time: the machine may be shared, and a bound on work must not depend on the load.
    const cpu0 = process.cpuUsage();
    try {
      await area.check(input, kind);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      if (e instanceof Violation) message = e.message;
      else if (!area.allowed(e)) message = `unexpected ${e.name}: ${e.message.split('\n')[0]!.slice(0, 300)}`;
    }
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    if (settings.trace) process.stderr.write(`  ${Math.round(ms)} ms CPU\n`);
    report.ran++;
    timings.push({ id: what, ms });
    const bound = area.boundMs(input, settings);
    if (message === null && ms > bound) message = `took ${Math.round(ms)} ms of CPU, over the bound of ${bound} ms`;
    if (message === null) continue;
    const known = knownFailureOf(area.name, kind, message, list);
    (known ? report.known : report.failures).push({ id: what, message, ...(known ? { known } : {}) });
  }
  report.slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5).map((t) => ({ id: t.id, ms: Math.round(t.ms) }));
  report.totalMs = Math.round(performance.now() - started);
  return report;
}

/** The failures as one readable message, each with the command that replays it. */
export function describeFailures(report: BatteryReport, settings: BatterySettings): string {
  const replay = (id: string) => `DIFFSEC_REPLAY=${id.split(' ')[0]} npm test -- test/robustness/${report.area}`;
  return [
    `${report.failures.length} of ${report.ran} ${report.area} cases failed (base seed 0x${hex(settings.seed)}):`,
    ...report.failures.map((f) => `- ${f.id}: ${f.message}\n    replay: ${replay(f.id)}`),
  ].join('\n');
}

/** A one-paragraph summary for the console: counts, known failures by bug, the slowest cases. */
export function summarise(report: BatteryReport, heap?: string): string {
  const byBug = new Map<string, number>();
  for (const k of [...report.known, ...report.notRun]) byBug.set(k.known!.bug, (byBug.get(k.known!.bug) ?? 0) + 1);
  return [
    `robustness ${report.area}: ${report.ran} cases in ${report.totalMs} ms, ${report.failures.length} failed, ${report.known.length} known failures, ${report.notRun.length} known-slow or hanging not run${heap ? `; ${heap}` : ''}`,
    ...[...byBug].map(([bug, n]) => `  known (${n}): ${bug}`),
    `  slowest (CPU): ${report.slowest.map((s) => `${s.id} ${s.ms} ms`).join('; ')}`,
  ].join('\n');
}

/**
 * Runs an area's battery (`counts.full` cases with DIFFSEC_ROBUSTNESS=full, else `counts.quick`)
 * and fails the test on any failure the known list does not cover, or when the heap, after a full
 * collection, grew by 64 MB or more (what a battery leaves behind: trees, findings, caches).
 */
export async function expectBatterySurvives<T>(area: Area<T>, counts: { quick: number; full: number }, settings: BatterySettings): Promise<void> {
  const before = heapAfterGc();
  const report = await runBattery(area, settings.full ? counts.full : counts.quick, settings);
  const after = heapAfterGc();
  console.log(summarise(report, `heap ${before.heapMb.toFixed(0)} -> ${after.heapMb.toFixed(0)} MB${after.collected ? ' after gc' : ' (no gc)'}, external ${before.externalMb.toFixed(0)} -> ${after.externalMb.toFixed(0)} MB`));
  if (report.failures.length) throw new Error(describeFailures(report, settings));
  expect(report.ran).toBeGreaterThan(0);
  expect(after.heapMb - before.heapMb).toBeLessThan(after.collected ? 64 : 512);
}
