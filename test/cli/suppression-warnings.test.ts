import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { runCli } from '../helpers/run-cli.js';

describe('a suppression comment naming no rule', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'diffsec-suppress-'));
    writeFileSync(join(dir, 'a.py'), 'import subprocess\nsubprocess.call(cmd, shell=True)  # diffsec: ignore[DS999] typo\nx = 1  # nosec B101\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const NOTE = 'a.py:2: `# diffsec: ignore[DS999] typo` names DS999, which is no diffsec rule; it silences nothing';

  it('is a warning in text output, a note in JSON and a SARIF notification of level note', async () => {
    const text = await runCli(['scan', '--no-cache', 'a.py'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`Warnings (1):\n${NOTE}\n`);
    const json = JSON.parse((await runCli(['scan', '--no-cache', '--format', 'json', 'a.py'], { cwd: dir })).stdout) as JsonReport;
    expect(json.notes).toEqual([NOTE]);
    expect(json.findings.map((f) => [f.rule, f.suppressed])).toEqual([['DS101', false]]);
    const sarif = JSON.parse((await runCli(['scan', '--no-cache', '--format', 'sarif', 'a.py'], { cwd: dir })).stdout) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: unknown[] }> }> };
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications).toContainEqual({ level: 'note', message: { text: NOTE } });
  });

  it('is not reported for a disabled rule, which exists', async () => {
    writeFileSync(join(dir, 'b.py'), 'x = 1  # diffsec: ignore[DS102]\n');
    writeFileSync(join(dir, 'off.yml'), 'rules: { disable: [DS102] }\n');
    const json = JSON.parse((await runCli(['scan', '--no-cache', '--format', 'json', '--config', 'off.yml', 'b.py'], { cwd: dir })).stdout) as JsonReport;
    expect(json.notes).toBeUndefined();
  });
});
