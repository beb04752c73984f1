import { join, resolve } from 'node:path';
import type { ScanThreads } from '../analysis/scan-threads.js';
import { selectRules } from '../rules/select-rules.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-args.js';
import { pathSource } from './path-source.js';
import { REPORT_OPTIONS, reportSettings, type ReportSettings } from './report-settings.js';
import { engineStamp, resultCache } from './result-cache.js';
import { reviewAndReport } from './review-and-report.js';
import { scannerPlan, startThreadsEarly } from './scanners.js';
import { withCwdPaths } from './root-relative-source.js';
import { workTreeRoot } from './work-tree-root.js';
import { stdinSource } from './stdin-source.js';
import { toolVersion } from './tool-version.js';
import { UsageError } from './usage-error.js';
import { SCAN_USAGE } from './usage.js';

const SCAN_OPTIONS = {
  ...REPORT_OPTIONS,
  'stdin-filename': { type: 'string' },
  'no-gitignore': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
} as const;

type ScanValues = ReturnType<typeof parseScanArgs>['values'];

function parseScanArgs(argv: string[]) {
  return parseCommandArgs('scan', argv, SCAN_OPTIONS, true);
}

/** Paths that name standard input: `-`, and the device files that are it. */
const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** `diffsec scan [PATH...]`: reviews whole files and folders, or standard input (`-`); returns the exit code. */
export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseScanArgs(argv);
  if (values.help) {
    io.stdout.write(SCAN_USAGE);
    return 0;
  }
  const fromStdin = positionals.some((p) => STDIN_PATHS.has(p));
  const paths = positionals.length ? positionals : ['.'];
  const threads = fromStdin ? null : startThreadsEarly(scannerPlan(io.env), paths, io.cwd);
  try {
    return await scanWith(values, positionals, paths, fromStdin, io, threads);
  } finally {
    await threads?.close();
  }
}

async function scanWith(values: ScanValues, positionals: string[], paths: string[], fromStdin: boolean, io: CliIo, threads: ScanThreads | null): Promise<number> {
  const workTree = workTreeRoot(io.cwd);
  const root = workTree ?? io.cwd;
  const settings = await reportSettings('scan', values, io, root);
  const { include, exclude, maxFileBytes } = settings.config;
  if (fromStdin) {
    if (positionals.length > 1) throw new UsageError('diffsec scan: standard input (-) is scanned alone, not with other paths');
    // What is piped in was chosen explicitly: reviewed whatever its name, as the name's file would be.
    const config = { ...settings.config, include: ['**'], exclude: [], skipVendored: [] };
    const source = stdinSource(io.stdin, values['stdin-filename'] ?? '<stdin>', maxFileBytes);
    return reviewAndReport(source, { ...settings, config }, io, { emptyWarning: null });
  }
  if (values['stdin-filename'] !== undefined) throw new UsageError("diffsec scan: --stdin-filename names standard input; scan it with 'diffsec scan -'");
  // Files are named from the repository root, as `diffsec diff` names them, so config globs (in the
  // walk too), fingerprints, SARIF URIs and baselines mean the same from any folder; text shows
  // them relative to the current folder.
  const source = pathSource({
    paths,
    cwd: io.cwd,
    ...(workTree ? { nameFrom: workTree } : {}),
    include,
    exclude,
    pythonShebang: settings.config.pythonShebang,
    maxFileBytes,
    gitignore: !values['no-gitignore'],
    onNotSelected: (given) => io.stderr.write(`diffsec: warning: ${given} is not reviewed: the include globs (${include.join(', ')}) or the exclude globs leave it out\n`),
    onNoGit: (why) => io.stderr.write(`diffsec: warning: .gitignore is not applied (${why}); folders are walked whole\n`),
  });
  const shown: ReportSettings = workTree ? { ...settings, textPaths: (result) => withCwdPaths(result, io.cwd, workTree) } : settings;
  const cacheDir = io.env.DIFFSEC_CACHE_DIR ? resolve(io.cwd, io.env.DIFFSEC_CACHE_DIR) : join(root, '.diffsec_cache');
  const cache = values['no-cache'] ? undefined : resultCache(cacheDir, engineStamp(toolVersion()), selectRules(settings.rules, settings.config), settings.config);
  return reviewAndReport(source, shown, io, { emptyWarning: `no Python files to review in ${paths.join(', ')}`, ...(cache ? { cache } : {}), ...(threads ? { threads } : {}) });
}
