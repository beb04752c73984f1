import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-args.js';
import { pathSource } from './path-source.js';
import { REPORT_OPTIONS, reportSettings } from './report-settings.js';
import { reviewAndReport } from './review-and-report.js';
import { rootRelativeSource, withCwdPaths, workTreeRoot } from './root-relative-source.js';
import { SCAN_USAGE } from './usage.js';

/** `diffsec scan [PATH...]`: reviews whole files and folders; returns the exit code. */
export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', argv, REPORT_OPTIONS, true);
  if (values.help) {
    io.stdout.write(SCAN_USAGE);
    return 0;
  }
  const settings = await reportSettings('scan', values, io);
  const { include, exclude, maxFileBytes } = settings.config;
  const files = pathSource({ paths: positionals.length ? positionals : ['.'], cwd: io.cwd, include, exclude, maxFileBytes });
  // Files are named from the repository root, as `diffsec diff` names them, so config globs,
  // fingerprints, SARIF URIs and baselines mean the same from any folder; text shows them cwd-relative.
  const root = workTreeRoot(io.cwd);
  const source = root ? rootRelativeSource(files, io.cwd, root) : files;
  return reviewAndReport(source, root ? { ...settings, textPaths: (result) => withCwdPaths(result, io.cwd, root) } : settings, io);
}
