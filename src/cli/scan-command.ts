import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-args.js';
import { pathSource } from './path-source.js';
import { REPORT_OPTIONS, reportSettings } from './report-settings.js';
import { reviewAndReport } from './review-and-report.js';
import { rootRelativeSource, workTreeRoot } from './root-relative-source.js';
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
  // Machine-readable reports and baselines name files from the repository root, as `diffsec diff`
  // does, so fingerprints and SARIF URIs are the same from any folder; text stays cwd-relative to click.
  const root = settings.format !== 'text' || settings.baseline || settings.writeBaseline ? workTreeRoot(io.cwd) : null;
  const source = root ? rootRelativeSource(files, io.cwd, root) : files;
  return reviewAndReport(source, settings, io);
}
