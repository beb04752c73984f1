import { resolve } from 'node:path';
import type { DiffsecConfig } from '../config/config.js';
import { LEVELS } from '../findings/finding.js';
import type { ReviewResult } from '../review.js';
import type { Rule } from '../rules/rule.js';
import { selectRules } from '../rules/select-rules.js';
import type { CliIo } from './cli-io.js';
import { findConfig } from './find-config.js';
import { loadRuleSet } from './load-rule-set.js';
import { levelOption } from './parse-args.js';
import { UsageError } from './usage-error.js';

/** The parseArgs spec of the options `scan` and `diff` share. */
export const REPORT_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  'min-severity': { type: 'string' },
  'min-confidence': { type: 'string' },
  'fail-on-severity': { type: 'string' },
  'fail-on-confidence': { type: 'string' },
  config: { type: 'string' },
  rules: { type: 'string', multiple: true },
  'no-bundled-rules': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** What a review command needs besides its source: settings, rules and where and how to report. */
export interface ReportSettings {
  config: DiffsecConfig;
  /** The config file read (for messages), or null for the defaults. */
  configSource?: string | null;
  rules: Rule[];
  format: Format;
  /** Absolute path of `--output`, or undefined for stdout. */
  output?: string;
  /** ANSI colour in text output: stdout is a TTY, no --output, no --no-color, NO_COLOR unset. */
  color: boolean;
  /** Absolute paths of `--baseline` (findings it holds are not reported) and `--write-baseline`. */
  baseline?: string;
  writeBaseline?: string;
  /** Rewrites the paths shown in text output (scan: root-relative back to cwd-relative). */
  textPaths?: <R extends Pick<ReviewResult, 'findings' | 'skipped'>>(result: R) => R;
}

/** The report options' parsed values, as parseArgs gives them. */
export interface ReportFlags {
  format?: string;
  output?: string;
  'min-severity'?: string;
  'min-confidence'?: string;
  'fail-on-severity'?: string;
  'fail-on-confidence'?: string;
  config?: string;
  rules?: string[];
  'no-bundled-rules'?: boolean;
  'no-color'?: boolean;
  baseline?: string;
  'write-baseline'?: string;
}

/**
 * Builds the settings from the flags: the rules, the config (--config, else the one found at
 * `root`: see findConfig; its notes go to stderr), then the command-line thresholds over it; the
 * config's rule ids are checked up front so a typo there is a usage error, not a crash mid-review.
 */
export async function reportSettings(command: string, flags: ReportFlags, io: CliIo, root: string): Promise<ReportSettings> {
  const format = levelOption(command, 'format', flags.format, FORMATS) ?? 'text';
  const rules = loadRuleSet(flags.rules ?? [], !flags['no-bundled-rules'], io.cwd);
  const found = findConfig(flags.config, io.cwd, root, rules);
  for (const note of found.notes) io.stderr.write(`diffsec: note: ${note}\n`);
  const config = found.config;
  config.report.severity = levelOption(command, 'min-severity', flags['min-severity'], LEVELS) ?? config.report.severity;
  config.report.confidence = levelOption(command, 'min-confidence', flags['min-confidence'], LEVELS) ?? config.report.confidence;
  config.failOn.severity = levelOption(command, 'fail-on-severity', flags['fail-on-severity'], LEVELS) ?? config.failOn.severity;
  config.failOn.confidence = levelOption(command, 'fail-on-confidence', flags['fail-on-confidence'], LEVELS) ?? config.failOn.confidence;
  try {
    selectRules(rules, config);
  } catch (error) {
    throw new UsageError(`${flags.config ? `--config ${flags.config}` : (found.source ?? 'config')}: ${(error as Error).message.replace(/^diffsec config /, '')}`);
  }
  const noColor = flags['no-color'] || (io.env.NO_COLOR ?? '') !== '';
  const output = flags.output ? resolve(io.cwd, flags.output) : undefined;
  const baselines = { ...(flags.baseline ? { baseline: resolve(io.cwd, flags.baseline) } : {}), ...(flags['write-baseline'] ? { writeBaseline: resolve(io.cwd, flags['write-baseline']) } : {}) };
  return { config, configSource: found.source, rules, format, ...(output ? { output } : {}), color: format === 'text' && !output && !noColor && io.stdout.isTTY === true, ...baselines };
}
