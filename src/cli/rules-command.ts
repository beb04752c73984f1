import { selectRules } from '../rules/select-rules.js';
import type { CliIo } from './cli-io.js';
import { findConfig } from './find-config.js';
import { loadRuleSet } from './load-rule-set.js';
import { parseCommandArgs } from './parse-args.js';
import { workTreeRoot } from './work-tree-root.js';
import { UsageError } from './usage-error.js';
import { RULES_USAGE } from './usage.js';

const RULES_OPTIONS = {
  config: { type: 'string' },
  rules: { type: 'string', multiple: true },
  'no-bundled-rules': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `diffsec rules`: prints the rules that would run, one per line, in a padded table; returns 0. */
export async function rulesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('rules', argv, RULES_OPTIONS, false);
  if (values.help) {
    io.stdout.write(RULES_USAGE);
    return 0;
  }
  const all = loadRuleSet(values.rules ?? [], !values['no-bundled-rules'], io.cwd);
  const found = findConfig(values.config, io.cwd, workTreeRoot(io.cwd) ?? io.cwd, all);
  for (const note of found.notes) io.stderr.write(`diffsec: note: ${note}\n`);
  const config = found.config;
  let rules;
  try {
    rules = selectRules(all, config).sort((a, b) => a.id.localeCompare(b.id));
  } catch (error) {
    throw new UsageError(`${values.config ? `--config ${values.config}` : (found.source ?? 'config')}: ${(error as Error).message.replace(/^diffsec config /, '')}`);
  }
  const rows = [['ID', 'SEVERITY', 'CONFIDENCE', 'FAMILY', 'TITLE'], ...rules.map((r) => [r.id, r.severity, r.confidence, r.family, r.title])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  io.stdout.write(`${lines.join('\n')}\n\n${rules.length} rule${rules.length === 1 ? '' : 's'}\n`);
  return 0;
}
