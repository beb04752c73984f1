import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const SHELL = 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n';

/** Runs the CLI in-process with `input` as standard input. */
async function withStdin(argv: string[], input: string, cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
    stdin: Readable.from([Buffer.from(input)]),
  });
  return { code, stdout, stderr };
}

const findings = (stdout: string) => (JSON.parse(stdout) as JsonReport).findings.map((f) => `${f.path}:${f.line}:${f.rule}`);

describe('diffsec scan: what it reads', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('.gitignore', 'vendor_copy/\n*.gen.py\n');
    repo.write('app.py', SHELL);
    repo.write('vendor_copy/lib.py', SHELL);
    repo.write('made.gen.py', SHELL);
    repo.write('notes.txt', 'subprocess.call(cmd, shell=True)\n');
    repo.write('docs/readme.md', '# no python here\n');
    repo.commit('first');
    // Untracked and not ignored: reviewed like a tracked file.
    repo.write('new_module.py', SHELL);
  });
  afterAll(() => repo.remove());

  const scan = (...args: string[]) => runCli(['scan', '--format', 'json', '--no-cache', ...args], { cwd: repo.dir });

  it('honours .gitignore inside a git work tree, and --no-gitignore turns it off', async () => {
    const run = await scan();
    expect(findings(run.stdout)).toEqual(['app.py:5:DS101', 'new_module.py:5:DS101']);
    expect(findings((await scan('--no-gitignore')).stdout)).toEqual(['app.py:5:DS101', 'made.gen.py:5:DS101', 'new_module.py:5:DS101', 'vendor_copy/lib.py:5:DS101']);
    // A file named on the command line is reviewed even when ignored.
    expect(findings((await scan('made.gen.py')).stdout)).toEqual(['made.gen.py:5:DS101']);
    // So is an ignored folder named on the command line.
    expect(findings((await scan('vendor_copy')).stdout)).toEqual(['vendor_copy/lib.py:5:DS101']);
  });

  describe('without git on PATH', () => {
    const path = process.env.PATH;
    let empty: string;
    beforeEach(() => {
      // A PATH of one empty folder: `git` cannot be found.
      empty = mkdtempSync(join(tmpdir(), 'diffsec-nogit-'));
      process.env.PATH = empty;
    });
    afterEach(() => {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    });

    it('walks a work tree whole and warns once that .gitignore is not applied', async () => {
      const run = await scan('.', 'docs');
      expect(run.code).toBe(1);
      expect(findings(run.stdout)).toEqual(['app.py:5:DS101', 'made.gen.py:5:DS101', 'new_module.py:5:DS101', 'vendor_copy/lib.py:5:DS101']);
      expect(run.stderr.match(/\.gitignore is not applied/g)).toHaveLength(1);
      expect(run.stderr).toContain('git is not installed or not on PATH');
    });

    it('needs no git for a folder outside any work tree', async () => {
      const plain = mkdtempSync(join(tmpdir(), 'diffsec-plain-'));
      try {
        writeFileSync(join(plain, 'app.py'), SHELL);
        const run = await runCli(['scan', '--format', 'json', '--no-cache', '.'], { cwd: plain });
        expect(findings(run.stdout)).toEqual(['app.py:5:DS101']);
        expect(run.stderr).toBe('');
      } finally {
        rmSync(plain, { recursive: true, force: true });
      }
    });
  });

  it('reads standard input with -, reported under --stdin-filename', async () => {
    const named = await withStdin(['scan', '--format', 'json', '--no-cache', '-', '--stdin-filename', 'pkg/tool.py'], SHELL, repo.dir);
    expect(named.code).toBe(1);
    expect(findings(named.stdout)).toEqual(['pkg/tool.py:5:DS101']);
    const anonymous = await withStdin(['scan', '--format', 'json', '--no-cache', '/dev/stdin'], SHELL, repo.dir);
    expect(findings(anonymous.stdout)).toEqual(['<stdin>:5:DS101']);
    expect((await withStdin(['scan', '-', 'app.py'], SHELL, repo.dir)).stderr).toBe('diffsec scan: standard input (-) is scanned alone, not with other paths\n');
    expect((await withStdin(['scan', '--stdin-filename', 'x.py'], SHELL, repo.dir)).stderr).toBe("diffsec scan: --stdin-filename names standard input; scan it with 'diffsec scan -'\n");
  });

  it('says on stderr when a named file is not Python, or nothing was selected', async () => {
    const txt = await scan('notes.txt');
    expect(txt.code).toBe(0);
    expect(txt.stderr).toBe(
      'diffsec: warning: notes.txt is not reviewed: the include globs (**/*.py, **/*.pyi) or the exclude globs leave it out\n' +
        'diffsec: warning: no Python files to review in notes.txt\n',
    );
    expect((await scan('docs')).stderr).toBe('diffsec: warning: no Python files to review in docs\n');
    expect((await scan('app.py')).stderr).toBe('');
  });

  it('prints the demo help instead of running it', async () => {
    for (const args of [['demo', '--help'], ['demo', '-h'], ['help', 'demo']]) {
      const run = await runCli(args);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: diffsec demo\n/);
    }
    expect(await runCli(['demo', 'extra'])).toMatchObject({ code: 2, stderr: "diffsec demo: takes no arguments (got extra; see 'diffsec demo --help')\n" });
  });
});
