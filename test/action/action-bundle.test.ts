import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { examplePullRequestFiles } from '../../src/demo/example-pull-request.js';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';

const ROOT = process.cwd();
const HEAD = '4f2c1d0e9b8a7f6e5d4c3b2a19080706f5e4d3c2';

/** Runs a script with node in a workflow step's environment; resolves with its exit code and output. */
function runNode(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/**
 * action.yml runs dist/src/action/main.js, which runs dist/action.js, the Action's modules in one
 * file (scripts/bundle-cli.mjs): it must post exactly what the modules it was made from post.
 * jest's globalSetup built dist/.
 */
describe('the bundled Action', () => {
  let dir: string;
  /** A script running the unbundled Action, as main.js runs the bundle. */
  let unbundled: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'diffsec-action-bundle-'));
    unbundled = join(dir, 'unbundled.mjs');
    const modules = pathToFileURL(join(ROOT, 'dist/src/action/run-action.js')).href;
    writeFileSync(unbundled, `import { runAction } from '${modules}';\nprocess.exitCode = await runAction(process.env);\n`);
    writeFileSync(join(dir, 'event.json'), JSON.stringify({
      action: 'synchronize',
      number: 7,
      repository: { name: 'inventory', owner: { login: 'acme' } },
      pull_request: { number: 7, state: 'open', draft: false, head: { sha: HEAD }, base: { sha: '0'.repeat(40) } },
    }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What one run posts to a fresh API double, and what it says. */
  async function review(script: string) {
    const github = new GitHubApiDouble('acme', 'inventory').addPullRequest({
      number: 7,
      headSha: HEAD,
      files: examplePullRequestFiles().map((f) => ({ path: f.path, status: 'modified' as const, patch: f.patch, content: f.content })),
    });
    github.config = 'rules:\n  disable: [DS602]\n';
    await github.start();
    try {
      const result = await runNode(script, {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_REPOSITORY: 'acme/inventory',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.example',
        'INPUT_GITHUB-TOKEN': 'ghs_workflow_token',
      });
      // When the review ran and how long it took (the log line, the check run) are the only differences allowed.
      const timeless = (text: string) => text.replace(/\d+ ms\b/g, 'N ms').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME').replace(/("durationMs\\?":)\d+/g, '$10');
      const posted = timeless(JSON.stringify({ calls: github.calls(), reviews: github.reviews, checkRuns: [...github.checkRuns.values()] }));
      return { ...result, stdout: timeless(result.stdout), posted: JSON.parse(posted) as unknown };
    } finally {
      await github.stop();
    }
  }

  it('is what main.js runs after a build (written after the modules)', () => {
    expect(statSync(join(ROOT, 'dist/action.js')).mtimeMs).toBeGreaterThanOrEqual(statSync(join(ROOT, 'dist/src/action/run-action.js')).mtimeMs);
  });

  it('posts the same review and check run, and says the same, as its modules', async () => {
    const bundled = await review(join(ROOT, 'dist/src/action/main.js'));
    const modules = await review(unbundled);
    expect(bundled).toEqual(modules);
    expect(bundled.code).toBe(1);
    expect(bundled.stdout).toContain('check run concluded failure');
    expect(bundled.stderr).toBe('');
    expect(JSON.stringify(bundled.posted)).toContain('DS101');
    expect(JSON.stringify(bundled.posted)).not.toContain('DS602');
  }, 90_000);
});

describe('dist/src/action/main.js', () => {
  let dir: string;
  beforeAll(() => {
    // A package holding both builds, each saying which it is.
    dir = mkdtempSync(join(tmpdir(), 'diffsec-action-entry-'));
    mkdirSync(join(dir, 'dist/src/action'), { recursive: true });
    for (const file of ['dist/src/action/main.js', 'dist/src/built-entry.js']) copyFileSync(join(ROOT, file), join(dir, file));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    for (const [file, name] of [['dist/action.js', 'bundle'], ['dist/src/action/run-action.js', 'modules']]) {
      writeFileSync(join(dir, file!), `export async function runAction(env) { process.stdout.write('${name} ' + env.GITHUB_EVENT_NAME); return 3; }\n`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAt = async (bundleTime: number, modulesTime: number) => {
    utimesSync(join(dir, 'dist/action.js'), bundleTime, bundleTime);
    utimesSync(join(dir, 'dist/src/action/run-action.js'), modulesTime, modulesTime);
    return runNode(join(dir, 'dist/src/action/main.js'), { GITHUB_EVENT_NAME: 'push' });
  };

  it('runs the bundle when the build wrote it after the modules, or with them (a packed package), and exits with its code', async () => {
    expect(await runAt(2_000_000, 1_000_000)).toEqual({ code: 3, stdout: 'bundle push', stderr: '' });
    expect((await runAt(1_000_000, 1_000_000)).stdout).toBe('bundle push');
  });

  it('runs the modules when they are newer than the bundle (tsc alone since the build), or the bundle is missing', async () => {
    expect((await runAt(1_000_000, 2_000_000)).stdout).toBe('modules push');
    rmSync(join(dir, 'dist/action.js'));
    expect((await runNode(join(dir, 'dist/src/action/main.js'), { GITHUB_EVENT_NAME: 'push' })).stdout).toBe('modules push');
  });
});
