import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { makeRule } from '../helpers/make-rule.js';

const ROOT = process.cwd();
const UNBUNDLED = pathToFileURL(join(ROOT, 'dist/src/cli/main.js')).href;

/**
 * bin/diffsec.js runs dist/cli.js, the CLI's modules in one file (scripts/bundle-cli.mjs); it
 * must answer exactly as the modules it was made from (dist/src/cli/main.js) do, in every format
 * (the renderers), for every command, and with the same expected errors (classes checked with
 * instanceof across modules). jest's globalSetup built dist/.
 */
describe('the bundled CLI', () => {
  let repo: TempRepo;
  /** A script running the unbundled CLI, as bin/diffsec.js runs the bundle. */
  let unbundled: string;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('app/run.py', 'import os\nimport subprocess as sp\n\n\ndef run(x, cmd):\n    os.system(x)\n');
    repo.write('app/keys.py', 'import hashlib\n\nPASSWORD = "hunter2-but-longer"\n\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n');
    repo.write('bad.yml', 'rules:\n  disable: [DS999]\n');
    // Enough files for DIFFSEC_THREADS to spread them over threads (POOL_AFTER).
    for (let i = 0; i < 40; i++) repo.write(`many/m${i}.py`, `import os\nimport pickle\n${'x = 1\n'.repeat(i)}os.system(x)\npickle.loads(x)\n`);
    repo.commit('first');
    repo.write('app/run.py', 'import os\nimport subprocess as sp\n\n\ndef run(x, cmd):\n    os.system(x)\n    sp.call(cmd,\n            shell=True)\n');
    unbundled = join(mkdtempSync(join(tmpdir(), 'diffsec-unbundled-')), 'diffsec.mjs');
    writeFileSync(unbundled, `import { main } from '${UNBUNDLED}';\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  }, 180_000);
  afterAll(() => {
    repo?.remove();
    if (unbundled) rmSync(join(unbundled, '..'), { recursive: true, force: true });
  });

  const run = (bundled: boolean, args: string[], extra: Record<string, string> = {}) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
    delete env.NODE_OPTIONS;
    delete env.DIFFSEC_THREADS;
    delete env.DIFFSEC_JOBS;
    Object.assign(env, extra);
    const argv = [bundled ? join(ROOT, 'bin/diffsec.js') : unbundled, ...args];
    const child = spawnSync(process.execPath, argv, { cwd: repo.dir, env, encoding: 'utf8' });
    return { status: child.status, stdout: child.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0'), stderr: child.stderr };
  };

  it.each([
    ['scan, JSON', ['scan', 'app', '--format', 'json', '--no-cache']],
    ['scan, SARIF', ['scan', 'app', '--format', 'sarif', '--no-cache']],
    ['scan, text', ['scan', '--no-cache']],
    ['diff against HEAD, text', ['diff', '--base', 'HEAD']],
    ['diff against HEAD, SARIF', ['diff', '--base', 'HEAD', '--format', 'sarif']],
    ['rules', ['rules']],
    ['--version', ['--version']],
    ['a usage error', ['scan', '--format', 'xml']],
    ['a config naming no rule', ['scan', 'app', '--config', 'bad.yml']],
    ['a git error', ['diff', '--base', 'no-such-ref']],
  ])('answers as its modules do: %s', (_, args) => {
    const bundled = run(true, args);
    expect(bundled).toEqual(run(false, args));
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    expect(bundled.stderr).not.toMatch(/internal error/);
  }, 60_000);

  it('scans on threads (from the thread bundle) as its modules do, and as one thread does', () => {
    const args = ['scan', 'many', '--format', 'json', '--no-cache'];
    const threads = run(true, args, { DIFFSEC_THREADS: '2' });
    expect(threads).toEqual(run(false, args, { DIFFSEC_THREADS: '2' }));
    expect(threads).toEqual(run(true, args));
    expect((JSON.parse(threads.stdout) as { findings: unknown[] }).findings).toHaveLength(80);
  }, 60_000);

  it('reports what the repository holds', () => {
    const { stdout, status } = run(true, ['scan', 'app', '--format', 'json', '--no-cache']);
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['DS101', 'DS102']));
  }, 60_000);
});

describe('bin/diffsec.js', () => {
  let dir: string;
  beforeAll(() => {
    // A package holding both builds, each saying which it is.
    dir = mkdtempSync(join(tmpdir(), 'diffsec-entry-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist/src/cli'), { recursive: true });
    copyFileSync(join(ROOT, 'bin/diffsec.js'), join(dir, 'bin/diffsec.js'));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    for (const [file, name] of [['dist/cli.js', 'bundle'], ['dist/src/cli/main.js', 'modules']]) {
      writeFileSync(join(dir, file!), `export async function main(argv) { process.stdout.write('${name} ' + argv.join(' ')); return 0; }\n`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAt = (bundleTime: number, modulesTime: number) => {
    utimesSync(join(dir, 'dist/cli.js'), bundleTime, bundleTime);
    utimesSync(join(dir, 'dist/src/cli/main.js'), modulesTime, modulesTime);
    return spawnSync(process.execPath, [join(dir, 'bin/diffsec.js'), 'scan', '-'], { encoding: 'utf8' }).stdout;
  };

  it('runs the bundle when the build wrote it after the modules, or with them (a packed package)', () => {
    expect(runAt(2_000_000, 1_000_000)).toBe('bundle scan -');
    expect(runAt(1_000_000, 1_000_000)).toBe('bundle scan -');
  });

  it('runs the modules when they are newer than the bundle (tsc alone since the build), or the bundle is missing', () => {
    expect(runAt(1_000_000, 2_000_000)).toBe('modules scan -');
    rmSync(join(dir, 'dist/cli.js'));
    expect(spawnSync(process.execPath, [join(dir, 'bin/diffsec.js'), 'x'], { encoding: 'utf8' }).stdout).toBe('modules x');
  });
});

describe('scanning threads', () => {
  let dir: string;
  beforeAll(() => {
    // The compiled modules, with each of a thread's two builds replaced by one saying which it is
    // and what it was sent with the rules.
    dir = mkdtempSync(join(tmpdir(), 'diffsec-thread-entry-'));
    cpSync(join(ROOT, 'dist/src'), join(dir, 'dist/src'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    for (const [file, name] of [['dist/scan-thread.js', 'bundle'], ['dist/src/analysis/scan-thread.js', 'modules']]) {
      writeFileSync(join(dir, file!), [
        "import { parentPort } from 'node:worker_threads';",
        'let sent;',
        'parentPort.on(\'message\', (m) => {',
        "  if ('stop' in m) parentPort.close();",
        "  else if ('rules' in m) sent = `${m.rules.length} rules, gates ${JSON.stringify(m.gates)}`;",
        `  else parentPort.postMessage({ id: m.id, scan: { findings: [], errors: ['${name}: ' + sent] } });`,
        '});',
        '',
      ].join('\n'));
    }
    const rule = makeRule({ query: '(call function: (identifier) @callee (#eq? @callee "eval")) @finding', where: {}, message: '`{callee}` runs code.' });
    writeFileSync(join(dir, 'drive.mjs'), [
      "import { ScanThreads } from './dist/src/analysis/scan-threads.js';",
      `const threads = new ScanThreads(1, [${JSON.stringify(rule)}]);`,
      "const scan = await threads.scan('a.py', 'eval(x)\\n');",
      'await threads.close();',
      'process.stdout.write(scan.errors.join());',
    ].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAt = (bundleTime: number, modulesTime: number) => {
    utimesSync(join(dir, 'dist/scan-thread.js'), bundleTime, bundleTime);
    utimesSync(join(dir, 'dist/src/analysis/scan-thread.js'), modulesTime, modulesTime);
    return spawnSync(process.execPath, [join(dir, 'drive.mjs')], { encoding: 'utf8' }).stdout;
  };
  const gates = 'gates [["(call function: (identifier) @callee (#eq? @callee \\"eval\\")) @finding","{}",[{"anchor":{"kind":"below-statements"},"conditions":[{"kind":"literals","literals":["eval"],"token":true}]}]]]';

  it('start from the bundle when the build wrote it after the modules, and are sent the rules with their gates', () => {
    expect(runAt(2_000_000, 1_000_000)).toBe(`bundle: 1 rules, ${gates}`);
    expect(runAt(1_000_000, 1_000_000)).toBe(`bundle: 1 rules, ${gates}`);
  });

  it('start from the modules when they are newer than the bundle, or it is missing', () => {
    expect(runAt(1_000_000, 2_000_000)).toBe(`modules: 1 rules, ${gates}`);
    rmSync(join(dir, 'dist/scan-thread.js'));
    expect(spawnSync(process.execPath, [join(dir, 'drive.mjs')], { encoding: 'utf8' }).stdout).toBe(`modules: 1 rules, ${gates}`);
  });
});
