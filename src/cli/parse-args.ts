import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses one command's arguments strictly with node:util parseArgs; any problem (unknown option,
 * missing value, stray argument) becomes a UsageError naming the command and pointing at its help.
 */
export function parseCommandArgs<const O extends Options>(command: string, argv: string[], options: O, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (!code?.startsWith('ERR_PARSE_ARGS_')) throw error;
    // parseArgs's own wording suggests `--` tricks; one plain sentence serves better.
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${/'([^']+)'/.exec(message)?.[1] ?? message}`
      : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? `unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? message}`
      : message.split('.')[0]!;
    throw new UsageError(`diffsec ${command}: ${problem} (see 'diffsec ${command} --help')`);
  }
}

/** Reads a `low|medium|high` option value, or throws a UsageError naming the option. */
export function levelOption<L extends string>(command: string, name: string, value: string | undefined, levels: readonly L[]): L | undefined {
  if (value === undefined) return undefined;
  if (!(levels as readonly string[]).includes(value)) throw new UsageError(`diffsec ${command}: --${name} must be one of ${levels.join(', ')} (got '${value}')`);
  return value as L;
}
