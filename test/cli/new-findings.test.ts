import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// A secret logged only after masking; the pull request deletes the masking line and nothing else.
const MASKED = `from oslo_log import log as logging
from oslo_utils import strutils

LOG = logging.getLogger(__name__)


def connect(host, user, password):
    creds = {'host': host, 'user': user, 'password': password}
    msg = "Connecting with %s" % creds
    msg = strutils.mask_password(msg)
    LOG.debug(msg)
    return creds


def run(cmd):
    import subprocess
    subprocess.call(cmd, shell=True)


def audit(password):
    LOG.info("as %s", password)
`;

describe('diffsec diff: findings a change creates off its changed lines (differential scoping)', () => {
  let repo: TempRepo;
  let base: string;
  // Outside the repository: each test's commit stages everything.
  const configs = mkdtempSync(join(tmpdir(), 'diffsec-config-'));
  const off = join(configs, 'off.yml');
  beforeAll(() => {
    repo = makeRepo();
    repo.write('drv/driver.py', MASKED);
    base = repo.commit('masked');
    writeFileSync(off, 'scope: {new_findings: false}\n');
  });
  afterAll(() => {
    repo.remove();
    rmSync(configs, { recursive: true, force: true });
  });

  const diff = async (...args: string[]) => {
    const run = await runCli(['diff', '--format', 'json', '--base-exact', base, ...args], { cwd: repo.dir });
    return { ...run, report: JSON.parse(run.stdout) as JsonReport };
  };

  it('reports the DS205 finding that deleting `mask_password(` creates, with scope `new` and why', async () => {
    repo.git('checkout', '-q', '-b', 'unmask', base);
    repo.write('drv/driver.py', MASKED.replace('    msg = strutils.mask_password(msg)\n', ''));
    repo.commit('unmask');
    const run = await diff();
    expect(run.report.findings.map((f) => [f.path, f.line, f.rule, f.scope])).toEqual([['drv/driver.py', 10, 'DS205', 'new']]);
    expect(run.report.findings[0]!.message).toMatch(/New in this pull request: the base version of this file has no such finding; the nearest change is at lines 7–12 \(1 line deleted\)\.$/);
    // The shell call and the logged password were there before: outside the diff still.
    expect(run.report.stats.outsideDiff).toBe(2);
    expect(run.code).toBe(0);

    // Off: today's behaviour exactly.
    const unscoped = await diff('--config', off);
    expect(unscoped.report.findings).toEqual([]);
    expect(unscoped.report.stats.outsideDiff).toBe(3);
  });

  it('reports nothing new for a change that only reorders code, and reads the base at the old path of a renamed file', async () => {
    repo.git('checkout', '-q', '-b', 'reorder', base);
    const [head, connect, run, audit] = MASKED.split('\n\n\n');
    repo.git('mv', 'drv/driver.py', 'drv/connector.py');
    repo.write('drv/connector.py', [head, run, connect, audit].join('\n\n\n'));
    repo.commit('reorder');
    const { report } = await diff();
    // The moved function's lines are changed lines, as without differential scoping; nothing else is new.
    expect(report.findings.map((f) => [f.path, f.line, f.rule, f.scope])).toEqual([['drv/connector.py', 9, 'DS101', 'changed']]);
    const unscoped = (await diff('--config', off)).report;
    expect(report.findings).toEqual(unscoped.findings);
    expect(report.stats.outsideDiff).toBe(unscoped.stats.outsideDiff);
    // The logged password is outside, and compared with the base at the file's old path without trouble.
    expect(report.stats.outsideDiff).toBe(1);
    expect(report.notes).toBeUndefined();
  });
});
