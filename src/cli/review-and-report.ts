import { readFile, writeFile } from 'node:fs/promises';
import { applyBaseline, BaselineError, parseBaseline, renderBaseline } from '../findings/baseline.js';
import { reaches, runReview, type ReviewResult, type ReviewSource } from '../review.js';
import { renderJson } from '../report/render-json.js';
import { renderSarif } from '../report/render-sarif.js';
import { renderText } from '../report/render-text.js';
import type { CliIo } from './cli-io.js';
import type { ScanThreads } from '../analysis/scan-threads.js';
import { progressBar } from './progress-bar.js';
import { scannerPlan } from './scanners.js';
import type { ResultCache } from './result-cache.js';
import type { ReportSettings } from './report-settings.js';
import { toolVersion } from './tool-version.js';
import { UsageError } from './usage-error.js';

export interface ReviewAndReportOptions {
  /** Said on stderr when no file was selected at all (a scan of a folder with no Python); null for none. */
  emptyWarning?: string | null;
  /** `diffsec scan`'s result cache: consulted and filled by the review, saved after it. */
  cache?: ResultCache;
  /** Scanning threads started early (see startThreadsEarly); the caller closes them. */
  threads?: ScanThreads;
}

/**
 * Runs the review of `source`, writes the report to --output or stdout, and returns the exit
 * code: 1 when an unsuppressed finding reaches the config's fail_on threshold, or when a file
 * could not be analysed (crash, time budget, finding cap) and `on_incomplete` is `failure` (the
 * default, as in the app: a file crafted to defeat the analysis must not pass the gate); else 0.
 */
export async function reviewAndReport(source: ReviewSource, settings: ReportSettings, io: CliIo, options: ReviewAndReportOptions = {}): Promise<number> {
  const bar = progressBar(io.stderr);
  let result: ReviewResult;
  try {
    result = await runReview(source, { config: settings.config, rules: settings.rules, onProgress: bar.update, ...scannerPlan(io.env), ...(options.threads ? { threads: options.threads } : {}), ...(options.cache ? { cache: options.cache } : {}) });
  } finally {
    bar.finish();
  }
  options.cache?.save();
  if (settings.writeBaseline) await writeOrFail(settings.writeBaseline, renderBaseline(result.findings), '--write-baseline');
  if (settings.baseline) {
    const { kept, baselined } = applyBaseline(result.findings, parseBaseline(await readOrFail(settings.baseline), settings.baseline));
    result = { ...result, findings: kept };
    if (baselined) io.stderr.write(`diffsec: ${baselined} finding${baselined === 1 ? '' : 's'} in the baseline not reported\n`);
  }
  const report = render(result, settings);
  if (settings.output) {
    try {
      await writeFile(settings.output, report);
    } catch (error) {
      throw new UsageError(`--output ${settings.output}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  } else io.stdout.write(report);
  if (options.emptyWarning && result.stats.files === 0 && result.skipped.length === 0) io.stderr.write(`diffsec: warning: ${options.emptyWarning}\n`);
  const incomplete = result.skipped.filter((s) => s.incomplete);
  for (const file of incomplete) io.stderr.write(`diffsec: ${file.path} was not fully analysed: ${file.reason}\n`);
  if (incomplete.length && settings.config.onIncomplete === 'failure') return 1;
  // Writing a baseline accepts every finding in it: the run that writes it passes.
  if (settings.writeBaseline) return 0;
  return result.findings.some((f) => !f.suppressed && reaches(f, settings.config.failOn)) ? 1 : 0;
}

function render(result: ReviewResult, settings: ReportSettings): string {
  switch (settings.format) {
    case 'json':
      return renderJson(result, { toolVersion: toolVersion() });
    case 'sarif':
      return renderSarif(result, { toolVersion: toolVersion() });
    case 'text':
      return renderText(settings.textPaths ? settings.textPaths(result) : result, { color: settings.color });
  }
}

async function readOrFail(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new BaselineError(`--baseline ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function writeOrFail(path: string, text: string, option: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`${option} ${path}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
