import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { runCli } from '../helpers/run-cli.js';

// `diffsec scan x.py` on a FIFO used to wait for ever for a writer.
describe('diffsec scan with a FIFO', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'diffsec-scan-fifo-'));
    execFileSync('mkfifo', [join(dir, 'x.py')]);
    writeFileSync(join(dir, 'y.py'), 'import os\nos.system(cmd)\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes, lists the FIFO as skipped with the reason, and scans the rest', async () => {
    const started = performance.now();
    const named = await runCli(['scan', '--format', 'json', 'x.py'], { cwd: dir });
    const walked = await runCli(['scan', '--format', 'json', '.'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(5000);
    const skipped = [{ path: 'x.py', reason: 'not a regular file: a FIFO (named pipe), not read' }];
    expect((JSON.parse(named.stdout) as JsonReport).skipped).toEqual(skipped);
    const report = JSON.parse(walked.stdout) as JsonReport;
    expect(report.skipped).toEqual(skipped);
    expect(report.findings.map((f) => f.path)).toEqual(['y.py']);
  });
});
