import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathSource } from '../../src/cli/path-source.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { runReview } from '../../src/review.js';
import type { JsonReport } from '../../src/report/render-json.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { makeRule } from '../helpers/make-rule.js';
import { runCli } from '../helpers/run-cli.js';

// One config, three ways in: `scan`, `diff`, and runReview as the app calls it. `exclude:
// ["tests/"]` used to work in scan only (its walk skipped the folder, but as a path glob it
// matched nothing), and braces, classes and negations matched nothing anywhere.
const CONFIG = `exclude: ['tests/', '!tests/security/', 'gen_[0-9]*.py', '{docs,examples}/']\n`;
const BAD = 'import os\nos.system(cmd)\n';
const FILES = ['app/run.py', 'tests/test_run.py', 'tests/security/test_shell.py', 'pkg/tests/test_x.py', 'app/gen_01.py', 'app/gen_x.py', 'docs/conf.py', 'examples/demo.py'];
const EXPECTED = ['app/gen_x.py', 'app/run.py', 'tests/security/test_shell.py'];

describe('globs mean the same in scan, diff and the app', () => {
  let repo: TempRepo;
  let first: string;
  let configFile: string;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('README.md', 'hello\n');
    first = repo.commit('first');
    for (const path of FILES) repo.write(path, BAD);
    repo.commit('second');
    configFile = join(repo.dir, '..', `${repo.dir.split('/').pop()}-diffsec.yml`);
    writeFileSync(configFile, CONFIG);
  });
  afterAll(() => {
    repo.remove();
    rmSync(configFile, { force: true });
  });

  const findingPaths = (stdout: string) => [...new Set((JSON.parse(stdout) as JsonReport).findings.map((f) => f.path))].sort();

  it('scan', async () => {
    const run = await runCli(['scan', '--format', 'json', '--config', configFile, '.'], { cwd: repo.dir });
    expect(run.stderr).toBe('');
    expect(findingPaths(run.stdout)).toEqual(EXPECTED);
  });

  it('diff', async () => {
    const run = await runCli(['diff', '--format', 'json', '--config', configFile, '--base', first], { cwd: repo.dir });
    expect(run.stderr).toBe('');
    expect(findingPaths(run.stdout)).toEqual(EXPECTED);
  });

  it('runReview over a listed change, as the app', async () => {
    const config = parseConfig({ exclude: ['tests/', '!tests/security/', 'gen_[0-9]*.py', '{docs,examples}/'] });
    const source = {
      listFiles: async () => FILES.map((path) => ({ path, status: 'added' as const, diff: null })),
      readFiles: pathSource({ paths: ['.'], cwd: repo.dir, include: config.include, exclude: config.exclude, maxFileBytes: 1000 }).readFiles,
    };
    const result = await runReview(source, { config, rules: [makeRule()] });
    expect([...new Set(result.findings.map((f) => f.path))].sort()).toEqual(EXPECTED);
  });

  it("runReview with the issue's hostile globs over a 60-folder path finishes quickly", async () => {
    const config = parseConfig({ include: ['**/'.repeat(12) + '*.py', '*a'.repeat(20) + '*b'], exclude: ['**/a/'.repeat(12) + 'b'] });
    const deep = `${Array.from({ length: 60 }, () => 'a').join('/')}/${'a'.repeat(40)}`;
    const source = {
      listFiles: async () => [deep, `${deep}.txt`, `${deep}/x.py`].map((path) => ({ path, status: 'added' as const, diff: null })),
      async *readFiles(paths: string[]) {
        for (const path of paths) yield { path, bytes: Buffer.from(BAD) };
      },
    };
    const started = performance.now();
    const result = await runReview(source, { config, rules: [makeRule()] });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.findings.map((f) => f.path)).toEqual([`${deep}/x.py`]);
  });
});
