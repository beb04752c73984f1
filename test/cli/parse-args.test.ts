import { levelOption, parseCommandArgs } from '../../src/cli/parse-args.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('parseCommandArgs', () => {
  const options = { format: { type: 'string' }, rules: { type: 'string', multiple: true }, worktree: { type: 'boolean' } } as const;

  it('parses options anywhere among positionals, repeated ones as lists', () => {
    const { values, positionals } = parseCommandArgs('scan', ['a', '--format=json', 'b', '--rules', 'x', '--rules', 'y', '--worktree'], options, true);
    expect(values).toEqual({ format: 'json', rules: ['x', 'y'], worktree: true });
    expect(positionals).toEqual(['a', 'b']);
  });

  it('turns every parse problem into a UsageError naming the command', () => {
    const fail = (argv: string[], positionals = false) => () => parseCommandArgs('diff', argv, options, positionals);
    expect(fail(['--nope'])).toThrow(new UsageError("diffsec diff: unknown option --nope (see 'diffsec diff --help')"));
    expect(fail(['stray'])).toThrow(new UsageError("diffsec diff: unexpected argument stray (see 'diffsec diff --help')"));
    expect(fail(['--worktree=yes'])).toThrow(UsageError);
    expect(fail(['--format'])).toThrow(UsageError);
  });
});

describe('levelOption', () => {
  it('passes a known value and undefined through, and names the option otherwise', () => {
    expect(levelOption('scan', 'min-severity', 'high', ['low', 'medium', 'high'])).toBe('high');
    expect(levelOption('scan', 'min-severity', undefined, ['low'])).toBeUndefined();
    expect(() => levelOption('scan', 'min-severity', 'HIGH', ['low', 'high'])).toThrow("diffsec scan: --min-severity must be one of low, high (got 'HIGH')");
  });
});
