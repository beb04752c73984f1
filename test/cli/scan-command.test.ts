import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = join(process.cwd(), 'test/fixtures/scan');

/** Version and timing change between runs; everything else in a report must not. */
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const normalise = (text: string): string => text.replace(/"durationMs": \d+/, '"durationMs": 0').replaceAll(`"${VERSION}"`, '"<version>"');

describe('diffsec scan', () => {
  let tmp: string;
  let onlyDs101: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'diffsec-scan-'));
    // Pinned to DS101 so rules added to the bundle later do not change these reports.
    onlyDs101 = join(tmp, 'only-ds101.yml');
    writeFileSync(onlyDs101, 'rules:\n  only: [DS101]\n');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const scan = (...args: string[]) => runCli(['scan', '--config', onlyDs101, ...args], { cwd: FIXTURE });

  it('prints compiler-style text and exits 1 on a high finding', async () => {
    const run = await scan();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'app/run.py:5:33: DS101 [high/high] `subprocess.call` runs `cmd` through a shell (`shell=True`), so a value built into the command can inject shell syntax; pass an argument list and drop `shell=True`.',
        'tools/deploy.py:5:39: DS101 [high/high] `Popen` runs `"ssh " + host + " restart"` through a shell (`shell=True`), so a value built into the command can inject shell syntax; pass an argument list and drop `shell=True`.',
        '',
        'Suppressed (1):',
        'app/run.py:9:32: DS101 [high/high] `subprocess.run` runs `cmd` through a shell (`shell=True`), so a value built into the command can inject shell syntax; pass an argument list and drop `shell=True`. (suppressed by `# diffsec: ignore[DS101] cmd comes from a fixed table`: cmd comes from a fixed table)',
        '',
        'Skipped (1):',
        'app/empty.py: empty file',
        '',
        '2 findings (2 high) in 3 files, 1 suppressed, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  it('renders the same scan as JSON', async () => {
    const run = await scan('--format', 'json');
    expect(run.code).toBe(1);
    expect(normalise(run.stdout)).toMatchSnapshot();
  });

  it('renders the same scan as SARIF', async () => {
    const run = await scan('--format', 'sarif');
    expect(run.code).toBe(1);
    expect(normalise(run.stdout)).toMatchSnapshot();
  });

  it('colours text only on a terminal without NO_COLOR or --no-color', async () => {
    const tty = (args: string[], env: Record<string, string> = {}) => runCli(['scan', '--config', onlyDs101, ...args], { cwd: FIXTURE, tty: true, env });
    expect((await tty([])).stdout).toContain('\x1b[31m[high/high]');
    expect((await tty([], { NO_COLOR: '1' })).stdout).not.toContain('\x1b[');
    expect((await tty(['--no-color'])).stdout).not.toContain('\x1b[');
    expect((await scan()).stdout).not.toContain('\x1b[');
  });

  it('exits 0 when no finding reaches the fail threshold', async () => {
    expect((await scan('app/clean.py')).code).toBe(0);
    const above = await scan('--fail-on-confidence', 'high', '--fail-on-severity', 'high');
    expect(above.code).toBe(1);
    const relaxed = await runCli(['scan', '--config', writeConfig('rules:\n  only: [DS101]\n  severity: { DS101: medium }\n')], { cwd: FIXTURE });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('2 findings (2 medium)');
  });

  it('drops findings below --min-severity, counting them, and the flag beats the config', async () => {
    const config = writeConfig('rules:\n  only: [DS101]\n  severity: { DS101: medium }\nreport: { severity: low }\n');
    const run = await runCli(['scan', '--config', config, '--min-severity', 'high', '--format', 'json'], { cwd: FIXTURE });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.stats.belowThreshold).toBe(3);
    expect(run.code).toBe(0);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const out = join(tmp, 'report.sarif');
    const run = await scan('--format', 'sarif', '--output', out);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'diffsec' } } }] });
  });

  it('reports each unreadable file with its reason in JSON and still scans the others', async () => {
    const dir = mkdtempSync(join(tmp, 'files-'));
    writeFileSync(join(dir, 'binary.py'), Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x0a]));
    writeFileSync(join(dir, 'latin1.py'), Buffer.from('# caf\xe9\nx = 1\n', 'latin1'));
    writeFileSync(join(dir, 'empty.py'), '');
    writeFileSync(join(dir, 'huge.py'), 'x = 1\n'.repeat(100));
    writeFileSync(join(dir, 'good.py'), 'import subprocess\nsubprocess.call(cmd, shell=True)\n');
    const config = writeConfig('rules:\n  only: [DS101]\nmax_file_bytes: 500\n');
    const run = await runCli(['scan', '--config', config, '--format', 'json', dir], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.skipped).toEqual([
      { path: 'binary.py', reason: 'binary file (contains NUL bytes)' },
      { path: 'empty.py', reason: 'empty file' },
      { path: 'huge.py', reason: 'too large: 600 bytes, over the limit of 500 (max_file_bytes)' },
      { path: 'latin1.py', reason: 'not valid UTF-8 (first bad byte at offset 5)' },
    ]);
    expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['good.py:2']);
    expect(report.stats.files).toBe(1);
    expect(run.code).toBe(1);
  });

  it('is a usage error to name a path that does not exist', async () => {
    const run = await scan('nope/');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'diffsec: nope/: no such file or folder\n' });
  });

  let configs = 0;
  function writeConfig(text: string): string {
    const file = join(tmp, `config-${++configs}.yml`);
    writeFileSync(file, text);
    return file;
  }
});
