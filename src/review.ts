import { decodeSource } from './analysis/decode-source.js';
import { generatedMarker } from './analysis/generated-code.js';
import { ScanAbandoned, ScanPool, canUseScanPool, type RuleSelection } from './analysis/scan-pool.js';
import { ScanThreads, canUseScanThreads } from './analysis/scan-threads.js';
import type { ScanLimits } from './analysis/scan-limits.js';
import { scanSource, type SourceScan } from './analysis/scan-source.js';
import type { DiffsecConfig, Threshold } from './config/config.js';
import { fileSelection } from './config/file-selection.js';
import { compileGlobs } from './config/glob.js';
import { vendoredPaths } from './config/vendored-paths.js';
import type { FileDiff, FileStatus } from './diff/file-diff.js';
import { diffFitsFile } from './diff/diff-fits-file.js';
import { changedLines } from './diff/line-set.js';
import { levelRank, type Finding, type SkippedFile } from './findings/finding.js';
import { markNewFindings } from './findings/new-findings.js';
import { preferChangedPath, scopeOf } from './findings/scope.js';
import { unknownCodes } from './findings/suppression.js';
import { compileRules, type CompiledRules } from './rules/compile-rules.js';
import type { Rule } from './rules/rule.js';
import { selectRules } from './rules/select-rules.js';

/** A file the source says changed (or, for a scan of paths, exists). */
export interface ChangedFile {
  path: string;
  previousPath?: string;
  status: FileStatus;
  /** The file's diff; null when its changed lines are unknown, so the whole file is in scope. */
  diff: FileDiff | null;
  /**
   * True when the source read a Python shebang on this extensionless file's first line (or could
   * not look, and its read says why): selected as `<path>.py` would be (see fileSelection).
   */
  pythonScript?: boolean;
}

/** A file's bytes at the head, or why they could not be had. */
export type FileContent = { path: string; bytes: Uint8Array } | { path: string; error: string };

/** Where the pipeline's inputs come from: GitHub, a local git repository, or paths. */
export interface ReviewSource {
  listFiles(): Promise<ChangedFile[]>;
  /** Yields each requested file's content as it arrives; a source may batch its requests. */
  readFiles(paths: string[]): AsyncIterable<FileContent>;
  /**
   * A modified file's content in the base version (at `previousPath` for a rename), for
   * differential scoping; `headText` lets a source rebuild it from its patch. Called only for files
   * with findings off the changed lines. Absent: such findings stay outside the diff.
   */
  readBase?(file: ChangedFile, headText: string): Promise<FileContent>;
}

export interface ReviewStats {
  /** Files analysed (not skipped). */
  files: number;
  lines: number;
  durationMs: number;
  /** Findings outside the changed lines (and not new in a modified file): counted, not reported. */
  outsideDiff: number;
  /** Findings below the `report` threshold: counted, not reported. */
  belowThreshold: number;
}

export interface ReviewResult {
  /** In-scope findings (scope `changed` or `file`), suppressed ones included and marked, by path and line. */
  findings: Finding[];
  skipped: SkippedFile[];
  /** Rule crashes and parse trouble, by file; the rest of the review still stands. */
  errors: string[];
  /** For the reader: e.g. a diff that did not fit its file, so the whole file was in scope. */
  notes: string[];
  stats: ReviewStats;
  rules: Rule[];
  /**
   * Every finding's `RULE:HASH` by file analysed completely (no rule or parse error, not stopped
   * early), whatever its scope, threshold or suppression: what a later review compares diffsec's
   * earlier comments with to tell a fixed finding. A file absent here tells nothing.
   */
  fingerprints: Map<string, Set<string>>;
}

export interface ReviewOptions {
  config: DiffsecConfig;
  rules: readonly Rule[];
  /**
   * Scanners when there are many files, this thread included (the others need the compiled build);
   * 1 scans in this thread only. The others are processes, each file under a hard deadline (the
   * app's choice), or, with `workers: 'threads'`, worker threads of this process with the soft
   * time budget only (cheaper to start; a local scan's choice).
   */
  jobs?: number;
  workers?: 'processes' | 'threads';
  /**
   * Threads the caller started early (so they load while it reads its config), given no rules yet:
   * when there are enough files they are sent this review's rules and used as `workers: 'threads'`
   * would start them; the caller closes them.
   */
  threads?: ScanThreads;
  /**
   * A caller-owned pool, built from the same `rules` (not closed here): every file is scanned on
   * it and this thread scans none, so a server's event loop stays free. `jobs` is then ignored.
   */
  pool?: ScanPool;
  /** Per-file finding cap and time budget (see scan-limits.ts for the defaults). */
  limits?: ScanLimits;
  onProgress?: (done: number, total: number) => void;
  /** Answers for files scanned before with the same text, rules and config (`diffsec scan`'s result cache); filled with new scans. */
  cache?: ScanCache;
}

/** Per-file scans kept between runs, keyed by the file's path and text (the rule set and config are the cache's own key). */
export interface ScanCache {
  /** The scan of this exact text at this path, or undefined. */
  get(path: string, text: string): SourceScan | undefined;
  set(path: string, text: string, scan: SourceScan): void;
}

/** True when a finding reaches a severity-and-confidence threshold. */
export function reaches(finding: Pick<Finding, 'severity' | 'confidence'>, threshold: Threshold): boolean {
  return levelRank(finding.severity) >= levelRank(threshold.severity) && levelRank(finding.confidence) >= levelRank(threshold.confidence);
}

/** The pipeline shared by the CLI and the app: list, select, read, scan, scope. */
export async function runReview(source: ReviewSource, options: ReviewOptions): Promise<ReviewResult> {
  const started = performance.now();
  const { config } = options;
  const rules = selectRules(options.rules, config);

  // 1. What changed, and which of it is Python we were asked to look at.
  const listed = await source.listFiles();
  const pythonFiles = fileSelection(config);
  const selected = listed.filter((f) => pythonFiles.selects(f.path, f.pythonScript));
  const skipped: SkippedFile[] = selected.filter((f) => f.status === 'removed').map((f) => ({ path: f.path, reason: 'removed by this change' }));
  // Vendored code is someone else's: listed with the glob that matched, never read.
  const vendored = vendoredPaths(config.skipVendored);
  const toRead = selected.filter((f) => {
    if (f.status === 'removed') return false;
    const glob = vendored.match(f.path);
    if (glob !== null) skipped.push({ path: f.path, reason: `vendored code (matches skip_vendored '${glob}')` });
    return glob === null;
  });
  const byPath = new Map(toRead.map((f) => [f.path, f]));

  // 2. Read and scan each file: here, and on worker processes too when there are many (each kept a
  // few files deep, so it never waits for this thread); yielding to the event loop between files
  // so the native binding frees each tree.
  const findings: Finding[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  const stats: ReviewStats = { files: 0, lines: 0, durationMs: 0, outsideDiff: 0, belowThreshold: 0 };
  const fingerprints = new Map<string, Set<string>>();
  const jobs = options.jobs ?? 1;
  const limits = options.limits ?? {};
  // Our own helpers start once enough files missed the cache: a scan the cache answers never pays for them.
  const threads = options.workers === 'threads';
  const wantsPool = !options.pool && jobs > 1 && toRead.length >= POOL_AFTER && (threads ? canUseScanThreads() : canUseScanPool());
  let owned: Helpers | null = null;
  let misses = 0;
  // Threads the caller started early are running already: they get the rules now, used or not.
  const early = options.threads && toRead.length >= POOL_AFTER ? options.threads : null;
  early?.useRules(rules);
  const poolFor = (): Helpers | null => {
    if (options.pool) return options.pool;
    if (!(early || wantsPool) || (options.cache && misses < POOL_AFTER_MISSES)) return null;
    return early ?? (owned ??= threads ? new ScanThreads(jobs - 1, rules) : new ScanPool(rules, jobs - 1));
  };
  // A caller's pool holds every rule: tell it which this config selects; our own holds just those.
  const selection = options.pool ? selectionOf(rules) : null;
  const compiled = options.pool ? null : compiledFor(rules);
  const scanning = new Set<Promise<void>>();
  let known: Set<string> | null = null;
  // Every loaded rule's codes, a disabled rule's too: a comment naming it is not a mistake.
  const knownCodes = () => (known ??= new Set(options.rules.flatMap((r) => [r.id, ...r.bandit, ...r.ruff])));
  // Differential scoping: a base version is scanned where the caller's pool or this thread scans.
  const scanBase = (path: string, text: string): Promise<SourceScan> => (options.pool ? scanOn(options.pool, path, text, selection, limits) : scanHere(path, text, compiled!, limits));
  let done = 0;
  try {
    for await (const content of source.readFiles(toRead.map((f) => f.path))) {
      const file = byPath.get(content.path);
      options.onProgress?.(++done, toRead.length);
      if (!file) continue;
      if ('error' in content) {
        skipped.push({ path: content.path, reason: content.error });
        continue;
      }
      const decoded = decodeSource(content.bytes, config.maxFileBytes);
      if ('skip' in decoded) {
        skipped.push({ path: content.path, reason: decoded.skip });
        continue;
      }
      const marker = config.skipGenerated ? generatedMarker(decoded.text) : null;
      if (marker !== null) {
        skipped.push({ path: content.path, reason: `generated code (${marker} in its first lines; skip_generated: false reviews it)` });
        continue;
      }
      const cached = options.cache?.get(file.path, decoded.text);
      if (!cached) misses++;
      const pool = cached ? null : poolFor();
      // With a caller's pool, this review keeps a bounded number of its files in flight there.
      while (options.pool && pool && scanning.size >= pool.size * IN_FLIGHT_PER_WORKER) await Promise.race(scanning);
      const elsewhere = pool !== null && (compiled === null || pool.inFlight < pool.size * IN_FLIGHT_PER_WORKER);
      const scan = cached ? Promise.resolve(cached) : elsewhere ? scanOn(pool, file.path, decoded.text, selection, limits) : scanHere(file.path, decoded.text, compiled!, limits);
      const text = decoded.text;
      const task = scan.then(
        async (result) => {
          if (!result.incomplete && result.errors.length === 0) fingerprints.set(file.path, new Set(result.findings.map((f) => `${f.ruleId}:${f.fingerprint}`)));
          if (!cached) options.cache?.set(file.path, text, result);
          const { kept, outside } = scopeFindings(file, result, config, stats, notes);
          // Off the changed lines of a modified file, but absent from its base: the change made it.
          if (outside.length && config.scope.newFindings && source.readBase && comparesWithBase(file)) {
            for (const finding of await newInFile(file, text, outside, source.readBase.bind(source), scanBase, notes)) {
              stats.outsideDiff--;
              if (reaches(finding, config.report)) kept.push(finding);
              else stats.belowThreshold++;
            }
          }
          notes.push(...unknownSuppressions(file.path, result, knownCodes()));
          findings.push(...kept);
          errors.push(...result.errors.map((e) => `${file.path}: ${e}`));
          // Stopped early (finding cap, time budget): its findings so far stand, and the file is listed.
          if (result.incomplete) skipped.push({ path: file.path, reason: result.incomplete, incomplete: true });
        },
        // A crash in the engine, or a thread killed at its deadline, loses this file only, and says so.
        (error: Error) => void skipped.push({ path: file.path, reason: error instanceof ScanAbandoned ? error.message : `analysis failed: ${error.message}`, incomplete: true }),
      );
      scanning.add(task);
      void task.finally(() => scanning.delete(task));
      if (!elsewhere) await task;
    }
    await Promise.all(scanning);
  } finally {
    await (owned as Helpers | null)?.close();
  }

  // 3. Stable order for every renderer.
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  notes.sort();
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, skipped, errors, notes, stats, rules, fingerprints };
}

const compiledSets = new Map<string, { rules: readonly Rule[]; compiled: CompiledRules }>();

/**
 * Compiled rules, remembered per rule set: the app reviews pull request after pull request with
 * the same rules. Queries compile on first use (about 1-20 ms each; see rules/query-cache.ts): the rules were validated when
 * they were loaded (see loadRules), so a scan compiles only what its files need.
 */
function compiledFor(rules: Rule[]): CompiledRules {
  const key = rules.map((r) => `${r.file}:${r.id}:${r.severity}`).join('|');
  const known = compiledSets.get(key);
  if (known && known.rules.every((r, i) => r.query === rules[i]!.query && r.where === rules[i]!.where)) return known.compiled;
  const compiled = compileRules(rules, { validate: false });
  if (compiledSets.size >= 16) compiledSets.delete(compiledSets.keys().next().value!);
  compiledSets.set(key, { rules, compiled });
  return compiled;
}

/**
 * Files a worker holds at once: it runs dry if this thread, busy with a large file of its own, is
 * slow to send more; at the end, this thread waits for at most this many small files.
 */
const IN_FLIGHT_PER_WORKER = 8;

/** Files from which a scan is spread over worker threads: below, starting them costs more than it saves. */
export const POOL_AFTER = 32;

/** With a result cache, files that must really be scanned before the threads are started. */
const POOL_AFTER_MISSES = 8;

/** The selection that tells a pool holding every rule to run these, at these severities. */
function selectionOf(rules: readonly Rule[]): RuleSelection {
  return { ids: rules.map((r) => r.id), severity: Object.fromEntries(rules.map((r) => [r.id, r.severity])) };
}

/** The scanners besides this thread: the app's processes or a local scan's threads. */
type Helpers = ScanPool | ScanThreads;

/** Scans on the helpers: a pool of processes is told which rules (it may hold more); threads hold just this review's. */
function scanOn(helpers: Helpers, path: string, text: string, selection: RuleSelection | null, limits: ScanLimits): Promise<SourceScan> {
  return helpers instanceof ScanThreads ? helpers.scan(path, text, limits) : helpers.scan(path, text, selection, limits);
}

/** Scans in this thread, then yields to the event loop so the native binding can free the tree. */
async function scanHere(path: string, text: string, compiled: CompiledRules, limits: ScanLimits): Promise<SourceScan> {
  const scan = scanSource(path, text, compiled, limits);
  await new Promise((resolve) => setImmediate(resolve));
  return scan;
}

/** A note for each suppression comment naming a code that is no rule's: it silences nothing, which its writer did not mean. */
function unknownSuppressions(path: string, scan: SourceScan, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const comment of scan.suppressions ?? []) {
    const unknown = unknownCodes(comment, known);
    if (unknown.length) out.push(`${path}:${comment.line}: \`${comment.text}\` names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} no diffsec rule; it silences nothing`);
  }
  return out;
}

/** The rule ids `per_file_ignores` silences in `path`, or null when no entry matches it. */
function ignoredRules(path: string, config: DiffsecConfig): Set<string> | null {
  let ids: Set<string> | null = null;
  for (const entry of config.perFileIgnores) if (compileGlobs([entry.glob]).matches(path)) for (const id of entry.rules) (ids ??= new Set()).add(id);
  return ids;
}

/**
 * Scopes one file's findings against its diff and updates the counters; returns those in scope and
 * at the report threshold (`kept`), and those outside the changed lines (`outside`, counted in
 * `stats.outsideDiff`), per_file_ignores applied to both.
 */
function scopeFindings(file: ChangedFile, scan: SourceScan, config: DiffsecConfig, stats: ReviewStats, notes: string[]): { kept: Finding[]; outside: Finding[] } {
  stats.files++;
  stats.lines += scan.lines;
  // A diff pointing past the file's end describes some other file: scope the whole file instead.
  const fits = !file.diff || diffFitsFile(file.diff, scan.lines);
  if (!fits) notes.push(`The diff of ${file.path} points past the end of the file (${scan.lines} lines): the whole file was reviewed.`);
  const changed = file.diff && fits ? changedLines(file.diff) : null;
  const kept: Finding[] = [];
  const outside: Finding[] = [];
  const ignored = ignoredRules(file.path, config);
  for (const finding of scan.findings) {
    preferChangedPath(finding, changed);
    finding.scope = scopeOf(finding, changed);
    // Other paths serve scoping only: the finding goes on with the one it shows.
    delete finding.otherFlows;
    // per_file_ignores: dropped like a disabled rule's findings, in scan, diff and the app alike.
    if (ignored?.has(finding.ruleId)) continue;
    if (finding.scope === 'outside') {
      stats.outsideDiff++;
      outside.push(finding);
    } else if (!reaches(finding, config.report)) stats.belowThreshold++;
    else kept.push(finding);
  }
  return { kept, outside };
}

/** Files whose base version can tell a new finding: modified (a rename or copy with changes too), with hunks. An added file's lines are all changed. */
function comparesWithBase(file: ChangedFile): file is ChangedFile & { diff: FileDiff } {
  return (file.status === 'modified' || file.status === 'renamed' || file.status === 'copied') && file.diff !== null && file.diff.hunks.length > 0;
}

/**
 * Reads and scans the base version of `file` (under its head path, so fingerprints compare) and
 * marks `new` the findings of `outside` it lacks; returns them. When the base cannot be read or
 * scanned whole, a note says so and nothing is marked: the findings stay outside the diff.
 */
async function newInFile(
  file: ChangedFile & { diff: FileDiff },
  headText: string,
  outside: Finding[],
  readBase: NonNullable<ReviewSource['readBase']>,
  scanBase: (path: string, text: string) => Promise<SourceScan>,
  notes: string[],
): Promise<Finding[]> {
  const unchecked = (why: string) => {
    const n = outside.length;
    notes.push(`${file.path}: ${n} finding${n === 1 ? '' : 's'} off the changed lines could not be compared with the base version (${why}), so ${n === 1 ? 'it stays' : 'they stay'} outside the diff.`);
    return [];
  };
  try {
    const content = await readBase(file, headText);
    if ('error' in content) return unchecked(content.error);
    // An empty base has no findings; the source's read already bounds the size.
    const decoded = content.bytes.length === 0 ? { text: '' } : decodeSource(content.bytes, Number.MAX_SAFE_INTEGER);
    if ('skip' in decoded) return unchecked(decoded.skip);
    const scan = decoded.text === '' ? { findings: [], errors: [] as string[], incomplete: undefined } : await scanBase(file.path, decoded.text);
    if (scan.incomplete) return unchecked(`its scan stopped: ${scan.incomplete}`);
    if (scan.errors.length) return unchecked(`its scan failed: ${scan.errors[0]}`);
    return markNewFindings(outside, headText, { text: decoded.text, findings: scan.findings }, file.diff);
  } catch (error) {
    return unchecked((error as Error).message);
  }
}
