import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

describe('diffsec rules', () => {
  let tmp: string;
  beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'diffsec-rules-'))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists id, severity, confidence, family and title in aligned columns', async () => {
    const run = await runCli(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID {5}SEVERITY {2}CONFIDENCE {2}FAMILY +TITLE$/);
    const ds101 = lines.find((l) => l.startsWith('DS101'))!;
    expect(ds101).toMatch(/^DS101  high {6}high {8}input-validation +Subprocess runs its command through a shell$/);
    expect(ds101.indexOf('Subprocess')).toBe(lines[0]!.indexOf('TITLE'));
    expect(run.stdout).toMatch(/\n\n\d+ rules?\n$/);
  });

  it('applies the config and adds rules from --rules folders', async () => {
    const config = join(tmp, 'config.yml');
    writeFileSync(config, 'rules: { disable: [DS101], severity: { DS901: low } }\n');
    const extra = join(tmp, 'extra', 'input-validation');
    mkdirSync(extra, { recursive: true });
    writeFileSync(join(extra, 'DS901-os-system-call.yaml'), RULE);
    const run = await runCli(['rules', '--config', config, '--rules', join(tmp, 'extra')]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^DS101/m);
    expect(run.stdout).toMatch(/^DS901 +low +medium +input-validation +os\.system call$/m);
    const alone = await runCli(['rules', '--no-bundled-rules', '--rules', join(tmp, 'extra')]);
    expect(alone.stdout).toMatch(/\n\n1 rule\n$/);
  });

  it('compiles the queries of --rules folders when loading them, naming the file of a bad one', async () => {
    const bad = join(tmp, 'bad', 'input-validation');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'DS901-os-system-call.yaml'), RULE.replace('function: (_) @callee', 'function: (identifer) @callee'));
    const run = await runCli(['scan', '--rules', join(tmp, 'bad'), 'test/fixtures/scan']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DS901-os-system-call\.yaml: field 'query': unknown node type at line \d+ of the query/);
  });

  it('refuses an id defined in two folders, naming both', async () => {
    const dup = join(tmp, 'dup', 'input-validation');
    mkdirSync(dup, { recursive: true });
    const ds101 = readFileSync('rules/input-validation/DS101-subprocess-shell-true.yaml', 'utf8');
    writeFileSync(join(dup, 'DS101-subprocess-shell-true.yaml'), ds101);
    const run = await runCli(['rules', '--rules', join(tmp, 'dup')]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `diffsec: rule DS101 is defined both in the bundled rules and in --rules ${join(tmp, 'dup')}\n` });
  });
});

const RULE = `id: DS901
name: os-system-call
title: os.system call
severity: high
confidence: medium
cwe: CWE-78
bandit: [B605]
message: '\`{callee}\` runs \`{command}\` through a shell.'
query: '(call function: (_) @callee arguments: (argument_list . (_) @command)) @finding'
where:
  callee:
    resolves-to: [os.system]
docs:
  why: Shells parse strings.
  fix: Use a list.
  bad: os.system(cmd)
  good: subprocess.run([cmd])
`;
