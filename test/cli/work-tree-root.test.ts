import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workTreeRoot } from '../../src/cli/work-tree-root.js';
import { makeRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

describe('workTreeRoot', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'diffsec-root-'));
    dirs.push(dir);
    return dir;
  };

  it('answers the nearest folder above holding .git, whether .git is a folder or a linked worktree file', () => {
    const top = temp();
    mkdirSync(join(top, '.git'));
    mkdirSync(join(top, 'a/b/vendored'), { recursive: true });
    writeFileSync(join(top, 'a/b/vendored/.git'), 'gitdir: /elsewhere/.git/worktrees/v\n');
    mkdirSync(join(top, 'a/b/vendored/pkg'));
    expect(workTreeRoot(join(top, 'a/b'))).toBe(top);
    expect(workTreeRoot(top)).toBe(top);
    expect(workTreeRoot(join(top, 'a/b/vendored/pkg'))).toBe(join(top, 'a/b/vendored'));
  });

  it('answers null outside any work tree', () => {
    const dir = temp();
    mkdirSync(join(dir, 'x'));
    // tmpdir() is not inside a repository on the machines the suite runs on; the assertion is about
    // the walk reaching the file-system root, so it is made only where that holds.
    if (workTreeRoot(tmpdir()) === null) expect(workTreeRoot(join(dir, 'x'))).toBeNull();
    else expect(workTreeRoot(join(dir, 'x'))).toBe(workTreeRoot(tmpdir()));
  });

  it("lets a scan run inside a linked worktree's subfolder read that worktree's config", async () => {
    const repo = makeRepo();
    const linked = `${repo.dir}-linked`;
    try {
      repo.write('src/a.py', 'import os\n\n\ndef run(cmd):\n    os.system(cmd)\n');
      repo.write('.github/diffsec.yml', 'rules: { disable: [DS102] }\n');
      repo.commit('one');
      repo.git('worktree', 'add', '-q', '-b', 'side', linked);
      writeFileSync(join(linked, '.github/diffsec.yml'), 'max_comments: 5\n');
      const run = await runCli(['scan', '--format', 'json', '--no-cache', '.'], { cwd: join(linked, 'src') });
      // The main tree's config disables DS102; the linked tree's own config does not.
      expect((JSON.parse(run.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toContain('DS102');
      const fromMain = await runCli(['scan', '--format', 'json', '--no-cache', '.'], { cwd: join(repo.dir, 'src') });
      expect((JSON.parse(fromMain.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).not.toContain('DS102');
    } finally {
      rmSync(linked, { recursive: true, force: true });
      repo.remove();
    }
  });
});
