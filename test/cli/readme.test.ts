import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const cliSection = readme.slice(readme.indexOf('## The CLI'), readme.indexOf('## The GitHub App'));

describe("README's CLI section matches the CLI", () => {
  it('shows text output exactly as `diffsec scan` prints it', async () => {
    const block = /```text\n\$ diffsec (.+)\n([\s\S]*?)```/.exec(cliSection);
    expect(block).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'diffsec-readme-'));
    try {
      mkdirSync(join(dir, 'app'));
      writeFileSync(join(dir, 'app/tasks.py'), 'import subprocess\n\n\ndef new(cmd):\n    subprocess.run(cmd, shell=True)\n');
      const run = await runCli([...block![1]!.split(' '), '--no-cache'], { cwd: dir });
      expect(run.stdout).toBe(block![2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every option of scan, diff and rules, and none they lack', async () => {
    const helps = await Promise.all(['scan', 'diff', 'rules'].map(async (c) => (await runCli([c, '--help'])).stdout));
    const options = (text: string) => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0]));
    const inHelp = options(helps.join('\n'));
    const inReadme = options(cliSection);
    expect([...inHelp].filter((o) => !inReadme.has(o) && o !== '--help')).toEqual([]);
    expect([...inReadme].filter((o) => !inHelp.has(o))).toEqual([]);
  });
});
