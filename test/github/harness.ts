import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { Probot, ProbotOctokit } from 'probot';
import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import { diffsecApp, type AppOptions } from '../../src/github/app.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, any>[] }[];

/** A real webhook payload from @octokit/webhooks-examples (with an installation), deep-copied. */
export function examplePayload(name: string, action: string): Record<string, any> {
  const found = examples.find((e) => e.name === name)!.examples.find((e) => e.action === action && e.installation);
  if (!found) throw new Error(`no example ${name}.${action} with an installation`);
  return structuredClone(found);
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
export const rules = loadRules(bundledRulesDir());

/** The real app in a real Probot, talking to a loopback GitHub double; sleeps are recorded, not slept. */
export class AppHarness {
  readonly sleeps: number[] = [];
  readonly logs: Record<string, unknown>[] = [];
  probot!: Probot;

  constructor(
    readonly github: GitHubApiDouble,
    /** Options for the app beside the bundled rules and the recorded sleep (which they override). */
    readonly appOptions: AppOptions = {},
  ) {}

  async start(): Promise<this> {
    await this.github.start();
    const logs = this.logs;
    const log = Object.assign(
      Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [level, (fields: unknown, message?: string) => logs.push({ level, ...(typeof fields === 'object' ? (fields as object) : { message: fields }), ...(message ? { message } : {}) })])),
      { child: () => log },
    );
    this.probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: this.github.url,
      log: log as never,
      // A function default runs after Probot's own, which would otherwise turn the throttle back on.
      Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    });
    await this.probot.load(diffsecApp({ rules, sleep: async (ms) => void this.sleeps.push(ms), ...this.appOptions }));
    return this;
  }

  async deliver(name: string, payload: Record<string, any>): Promise<void> {
    await this.probot.receive({ id: `${Date.now()}`, name: name as never, payload: payload as never });
  }

  async stop(): Promise<void> {
    await this.github.stop();
  }
}

/** A pull_request payload for PR `number` at `headSha` of Codertocat/Hello-World. */
export function pullRequestPayload(action: string, number: number, headSha: string, changes: Record<string, unknown> = {}): Record<string, any> {
  const payload = examplePayload('pull_request', action);
  payload.number = number;
  payload.pull_request.number = number;
  payload.pull_request.head.sha = headSha;
  payload.pull_request.state = 'open';
  payload.pull_request.draft = false;
  Object.assign(payload.pull_request, changes);
  return payload;
}

/** A one-hunk patch adding `lines` after `context` unchanged lines at the top of a file. */
export function addedFile(path: string, lines: string[]): DoubleFile {
  return { path, status: 'added', patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`, content: lines.join('\n') + '\n' };
}

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

/** The last check run's conclusion, status and output, as the double holds it. */
export function lastCheckRun(github: GitHubApiDouble) {
  const run = [...github.checkRuns.values()].at(-1)!;
  return { conclusion: run.conclusion, status: run.status, ...(run.output as { title: string; summary: string; annotations?: unknown[] }) };
}
