import { ConfigError } from '../config/parse-config.js';
import { BaselineError } from '../findings/baseline.js';
import { RuleError } from '../rules/rule-error.js';
import { processIo, type CliIo } from './cli-io.js';
import { diffCommand } from './diff-command.js';
import { GitError } from './git.js';
import { rulesCommand } from './rules-command.js';
import { scanCommand } from './scan-command.js';
import { toolVersion } from './tool-version.js';
import { UsageError } from './usage-error.js';
import { DEMO_USAGE, MAIN_USAGE, usageOf } from './usage.js';

/**
 * The CLI: dispatches `argv` (without node and the script) to a command and returns the exit
 * code — 0 clean, 1 a finding reaches the fail threshold, 2 a usage or internal error, reported
 * as one line on stderr (with the stack when DIFFSEC_DEBUG=1). Never throws.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(MAIN_USAGE);
        return 2;
      case '-h':
      case '--help':
        io.stdout.write(MAIN_USAGE);
        return 0;
      case '--version':
        io.stdout.write(`${toolVersion()}\n`);
        return 0;
      case 'help': {
        const usage = rest[0] === undefined ? MAIN_USAGE : usageOf(rest[0]);
        if (!usage) throw new UsageError(`no help for '${rest[0]}' (commands: scan, diff, rules, demo)`);
        io.stdout.write(usage);
        return 0;
      }
      case 'scan':
        return await scanCommand(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      case 'rules':
        return await rulesCommand(rest, io);
      case 'demo':
        if (rest.includes('-h') || rest.includes('--help')) {
          io.stdout.write(DEMO_USAGE);
          return 0;
        }
        if (rest.length) throw new UsageError(`diffsec demo: takes no arguments (got ${rest[0]}; see 'diffsec demo --help')`);
        // Loaded on demand: the demo pulls in the GitHub App, which the other commands never need.
        return await (await import('../demo/run-demo.js')).runDemo(rest);
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command} (options go after the command; see 'diffsec --help')` : `unknown command '${command}' (commands: scan, diff, rules, demo, help)`);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

/** Expected failures print their message; anything else is an internal error. Both exit 2. */
function reportError(error: unknown, io: CliIo): number {
  const expected = error instanceof UsageError || error instanceof BaselineError || error instanceof ConfigError || error instanceof RuleError || error instanceof GitError;
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!;
  io.stderr.write(expected ? `${line.startsWith('diffsec') ? '' : 'diffsec: '}${line}\n` : `diffsec: internal error: ${line}\n`);
  if (io.env.DIFFSEC_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}
