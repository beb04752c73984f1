import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = join(process.cwd(), 'test/fixtures/scan');

describe('main', () => {
  let tmp: string;
  beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'diffsec-main-'))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const config = (name: string, text: string): string => {
    writeFileSync(join(tmp, name), text);
    return join(tmp, name);
  };

  it('prints help on stdout for --help, help COMMAND and COMMAND --help', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: diffsec <command>/);
    for (const command of ['scan', 'diff', 'rules']) expect(top.stdout).toContain(`\n  ${command} `);
    expect((await runCli(['help', 'diff'])).stdout).toMatch(/^Usage: diffsec diff \[options\]/);
    const scanHelp = await runCli(['scan', '--help']);
    expect(scanHelp).toMatchObject({ code: 0, stderr: '' });
    expect(scanHelp.stdout).toContain('--min-severity LEVEL');
    expect((await runCli(['diff', '-h'])).stdout).toContain('--worktree');
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 with usage on stderr when there is no command', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: diffsec/);
  });

  it.each([
    [['frobnicate'], "diffsec: unknown command 'frobnicate' (commands: scan, diff, rules, demo, help)\n"],
    [['--frmat'], "diffsec: unknown option --frmat (options go after the command; see 'diffsec --help')\n"],
    [['scan', '--frmat', 'json'], "diffsec scan: unknown option --frmat (see 'diffsec scan --help')\n"],
    [['scan', '--format'], "diffsec scan: Option '--format <value>' argument missing (see 'diffsec scan --help')\n"],
    [['scan', '--format', 'xml'], "diffsec scan: --format must be one of text, json, sarif (got 'xml')\n"],
    [['scan', '--min-severity', 'critical'], "diffsec scan: --min-severity must be one of low, medium, high (got 'critical')\n"],
    [['diff', 'somefile.py'], "diffsec diff: unexpected argument somefile.py (see 'diffsec diff --help')\n"],
    [['diff', '--worktree', '--head', 'HEAD'], 'diffsec diff: --worktree compares with the working tree; it cannot be used with --head\n'],
    [['rules', '--rules', 'no/such/dir'], 'diffsec: --rules no/such/dir: not a folder\n'],
    [['help', 'frobnicate'], "diffsec: no help for 'frobnicate' (commands: scan, diff, rules, demo)\n"],
  ])('exits 2 with one line on stderr for %j', async (argv, message) => {
    expect(await runCli(argv, { cwd: FIXTURE })).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('names the bad key of a --config file', async () => {
    const unknown = await runCli(['scan', '--config', config('unknown.yml', 'fail_onn: { severity: high }\n')], { cwd: FIXTURE });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`diffsec: --config ${join(tmp, 'unknown.yml')}: 'fail_onn' is not a known key (known: rules, include, python_shebang, exclude, per_file_ignores, fail_on, report, max_comments, review_drafts, inline_comments, max_file_bytes, on_incomplete, skip_generated, skip_vendored, scope, flow)\n`);
    const nested = await runCli(['scan', '--config', config('nested.yml', 'report:\n  severity: extreme\n')], { cwd: FIXTURE });
    expect(nested.stderr).toBe(`diffsec: --config ${join(tmp, 'nested.yml')}: 'report.severity' must be one of low, medium, high (got "extreme")\n`);
    const rule = await runCli(['scan', '--config', config('rule.yml', 'rules: { disable: [DS999] }\n')], { cwd: FIXTURE });
    expect(rule.stderr).toBe(`diffsec: --config ${join(tmp, 'rule.yml')}: names rule DS999, which does not exist\n`);
  });

  it('says which --config file is not YAML or cannot be read', async () => {
    const bad = await runCli(['scan', '--config', config('bad.yml', 'rules: [unclosed\n')], { cwd: FIXTURE });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^diffsec: --config ${join(tmp, 'bad.yml')}: not valid YAML: .+\\n$`));
    expect((await runCli(['scan', '--config', 'missing.yml'], { cwd: FIXTURE })).stderr).toBe('diffsec: --config missing.yml: cannot read it (ENOENT)\n');
  });

  it('turns an unexpected failure into exit 2 and one line, with the stack only under DIFFSEC_DEBUG=1', async () => {
    const failing = (env: Record<string, string>) => {
      let stderr = '';
      const io = {
        stdout: {
          write: () => {
            throw new Error('disk on fire\nsecond line');
          },
        },
        stderr: { write: (s: string) => (stderr += s) },
        env,
        cwd: FIXTURE,
      };
      return main(['rules'], io).then((code) => ({ code, stderr }));
    };
    expect(await failing({})).toEqual({ code: 2, stderr: 'diffsec: internal error: disk on fire\n' });
    const debug = await failing({ DIFFSEC_DEBUG: '1' });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^diffsec: internal error: disk on fire\nError: disk on fire\nsecond line\n\s+at /);
  });
});
