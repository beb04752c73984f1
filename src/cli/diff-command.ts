import { resolve } from 'node:path';
import type { CliIo } from './cli-io.js';
import { fileSelection } from '../config/file-selection.js';
import { gitSource } from './git-source.js';
import { defaultBase, mergeBase, repositoryRoot, resolveCommit } from './git-refs.js';
import { parseCommandArgs } from './parse-args.js';
import { REPORT_OPTIONS, reportSettings } from './report-settings.js';
import { reviewAndReport } from './review-and-report.js';
import { UsageError } from './usage-error.js';
import { DIFF_USAGE } from './usage.js';

const DIFF_OPTIONS = {
  ...REPORT_OPTIONS,
  repo: { type: 'string' },
  base: { type: 'string' },
  'base-exact': { type: 'string' },
  head: { type: 'string' },
  worktree: { type: 'boolean' },
} as const;

/** `diffsec diff`: reviews the lines changed between two commits (or a commit and the working tree); returns the exit code. */
export async function diffCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('diff', argv, DIFF_OPTIONS, false);
  if (values.help) {
    io.stdout.write(DIFF_USAGE);
    return 0;
  }
  if (values.worktree && values.head !== undefined) throw new UsageError('diffsec diff: --worktree compares with the working tree; it cannot be used with --head');
  const root = await repositoryRoot(resolve(io.cwd, values.repo ?? '.'));
  const settings = await reportSettings('diff', values, io, root);
  const head = values.worktree ? null : await resolveCommit(root, values.head ?? 'HEAD', '--head');
  if (values.base !== undefined && values['base-exact'] !== undefined) throw new UsageError('diffsec diff: give --base or --base-exact, not both');
  const headLabel = values.head ?? 'HEAD';
  let base: string;
  if (values['base-exact'] !== undefined) base = await resolveCommit(root, values['base-exact'], '--base-exact');
  else if (values.base !== undefined) base = await mergeBase(root, await resolveCommit(root, values.base, '--base'), head ?? 'HEAD', `--base ${values.base}`, headLabel);
  else base = await defaultBase(root, head ?? 'HEAD');
  // Same commit: an empty review, which in CI usually means the wrong ref was checked out.
  if (head !== null && base === head) io.stderr.write(`diffsec: warning: the base and the head are the same commit (${head.slice(0, 12)}); there is nothing to review\n`);
  const source = gitSource({ root, base, head, maxFileBytes: settings.config.maxFileBytes, selection: fileSelection(settings.config) });
  return reviewAndReport(source, settings, io);
}
