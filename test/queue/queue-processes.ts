import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { deliverWebhook } from '../helpers/deliver-webhook.js';

export const SECRET = 'queue-webhook-secret';
export const { privateKey: PRIVATE_KEY } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

/** A receiver or worker process of the built app, and what it printed. */
export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** The JSON log lines printed so far. */
  logs(): Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** Starts `dist/src/server/main.js` (the receiver, with REDIS_URL) or `dist/src/queue/worker-main.js`. */
export function startProcess(kind: 'receiver' | 'worker', env: NodeJS.ProcessEnv): AppProcess {
  const entry = kind === 'receiver' ? 'dist/src/server/main.js' : 'dist/src/queue/worker-main.js';
  const child = spawn(process.execPath, [join(process.cwd(), entry)], {
    env: { PATH: process.env.PATH, APP_ID: '1', PRIVATE_KEY, WEBHOOK_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += String(c)));
  child.stderr!.on('data', (c) => (output += String(c)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    exited,
    output: () => output,
    logs: () =>
      output.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
  };
}

/** Waits for a receiver to listen and answers its port. */
export async function receiverPort(receiver: AppProcess): Promise<number> {
  const listening = /listening on http:\/\/[^:]+:(\d+)/;
  await until(() => listening.test(receiver.output()), 30_000, () => receiver.output());
  return Number(listening.exec(receiver.output())![1]);
}

/** Posts a signed delivery; answers the HTTP status. */
/** Posts a signed delivery to a receiver; returns the HTTP status. */
export const deliver = (port: number, event: string, id: string, payload: unknown): Promise<number> => deliverWebhook(port, SECRET, { id, payload, event });

/** A pull_request delivery of the double's repository `acme/repo`. */
export function pullRequestEvent(action: string, number: number, headSha: string, updatedAt = new Date().toISOString()) {
  const repository = { id: 1, name: 'repo', full_name: 'acme/repo', owner: { login: 'acme', id: 1, type: 'Organization' }, private: false, default_branch: 'main' };
  return { action, number, installation: { id: 1 }, repository, sender: { login: 'dev', id: 2, type: 'User' }, pull_request: { number, state: 'open', draft: false, updated_at: updatedAt, head: { sha: headSha, repo: repository }, base: { sha: 'a'.repeat(40), repo: repository } } };
}

export async function until(condition: () => boolean | Promise<boolean>, ms: number, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out\n${explain()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
