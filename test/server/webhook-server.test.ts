import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDelivery } from '../../src/server/parse-webhook.js';
import { createWebhookServer, type WebhookServer } from '../../src/server/webhook-server.js';

const SECRET = 'test-webhook-secret';
const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

interface Answer {
  status: number;
  body: string;
}

/** One raw HTTP request to the server: full control over headers and how the body is sent. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/api/github/webhooks', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    // The server may close the connection mid-upload (413): the answer has already arrived.
    req.on('error', (error) => (/EPIPE|ECONNRESET/.test(String(error)) ? undefined : reject(error)));
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

function webhook(event: string, payload: unknown, extra: Record<string, string> = {}) {
  const body = JSON.stringify(payload);
  return { body, headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': 'd-1', 'x-hub-signature-256': sign(body), ...extra } };
}

const pullRequest = { action: 'opened', repository: { name: 'r', owner: { login: 'o' } }, pull_request: { number: 1, state: 'open', head: { sha: 'abc' } }, installation: { id: 1 } };

describe('the webhook server', () => {
  let front: WebhookServer;
  let port: number;
  const received: WebhookDelivery[] = [];
  const logs: { level: string; fields: object; message: string }[] = [];
  let receive: (d: WebhookDelivery) => Promise<void> = async (d) => void received.push(d);

  beforeEach(async () => {
    received.length = 0;
    logs.length = 0;
    receive = async (d) => void received.push(d);
    const log = Object.fromEntries(['info', 'warn', 'error'].map((level) => [level, (fields: object, message: string) => logs.push({ level, fields, message })])) as never;
    front = createWebhookServer({ secret: SECRET, log, receive: (d) => receive(d), bodyLimit: 64 * 1024 });
    await new Promise<void>((resolve) => front.server.listen(0, '127.0.0.1', resolve));
    port = (front.server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    front.server.closeAllConnections();
    await new Promise<void>((resolve) => front.server.close(() => resolve()));
  });

  it('accepts a signed, well-formed delivery with 202 and hands it over after answering', async () => {
    const answer = await send(port, webhook('pull_request', pullRequest));
    expect(answer.status).toBe(202);
    expect(await front.drain(1000)).toBe(true);
    expect(received).toEqual([{ id: 'd-1', name: 'pull_request', payload: pullRequest }]);
  });

  it('answers before a long review finishes, and /ping answers meanwhile', async () => {
    let finish!: () => void;
    receive = () => new Promise<void>((resolve) => (finish = resolve));
    expect((await send(port, webhook('pull_request', pullRequest))).status).toBe(202);
    expect(front.inFlight).toBe(1);
    expect(await send(port, { method: 'GET', path: '/ping' })).toEqual({ status: 200, body: 'PONG' });
    expect(await front.drain(50)).toBe(false);
    finish();
    expect(await front.drain(1000)).toBe(true);
  });

  it('with acknowledgeAfterReceive, answers 202 only once received, and 503 when receiving fails or hangs', async () => {
    const log = Object.fromEntries(['info', 'warn', 'error'].map((level) => [level, (fields: object, message: string) => logs.push({ level, fields, message })])) as never;
    let mode: 'ok' | 'fail' | 'hang' = 'ok';
    const queued: string[] = [];
    const queueFront = createWebhookServer({
      secret: SECRET,
      log,
      acknowledgeAfterReceive: true,
      acknowledgeWithinMs: 200,
      receive: async (d) => {
        if (mode === 'fail') throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        if (mode === 'hang') return new Promise<void>(() => undefined);
        queued.push(d.id);
      },
    });
    await new Promise<void>((resolve) => queueFront.server.listen(0, '127.0.0.1', resolve));
    const queuePort = (queueFront.server.address() as AddressInfo).port;
    try {
      expect((await send(queuePort, webhook('pull_request', pullRequest, { 'x-github-delivery': 'q-1' }))).status).toBe(202);
      expect(queued).toEqual(['q-1']);
      mode = 'fail';
      const failed = await send(queuePort, webhook('pull_request', { ...pullRequest, pull_request: { ...pullRequest.pull_request, head: { sha: 'def' } } }, { 'x-github-delivery': 'q-2' }));
      expect(failed.status).toBe(503);
      mode = 'hang';
      const hung = await send(queuePort, webhook('pull_request', { ...pullRequest, pull_request: { ...pullRequest.pull_request, head: { sha: 'fed' } } }, { 'x-github-delivery': 'q-3' }));
      expect(hung.status).toBe(503);
      // A failed delivery is not remembered as handled: its redelivery is queued.
      mode = 'ok';
      expect((await send(queuePort, webhook('pull_request', { ...pullRequest, pull_request: { ...pullRequest.pull_request, head: { sha: 'def' } } }, { 'x-github-delivery': 'q-2' }))).status).toBe(202);
      expect(queued).toEqual(['q-1', 'q-2']);
    } finally {
      queueFront.server.closeAllConnections();
      await new Promise<void>((resolve) => queueFront.server.close(() => resolve()));
    }
  });

  it('refuses a declared body over the limit with 413 before reading it', async () => {
    const answer = await send(port, { headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'd', 'content-length': String(100 * 1024 * 1024) }, body: Buffer.alloc(1024, 0x20) });
    expect(answer.status).toBe(413);
    expect(received).toEqual([]);
  });

  it('stops reading a streamed (chunked) body as soon as it passes the limit', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(16 * 1024, 0x61));
    const answer = await send(port, { headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'd', 'transfer-encoding': 'chunked' }, chunks });
    expect(answer.status).toBe(413);
    expect(received).toEqual([]);
  });

  it('drops a delivery whose signature does not match, and never logs its body', async () => {
    const { body, headers } = webhook('pull_request', { ...pullRequest, secretish: 'BODY-MARKER-4242' });
    const answer = await send(port, { body, headers: { ...headers, 'x-hub-signature-256': sign('something else') } });
    expect(answer.status).toBe(401);
    expect(received).toEqual([]);
    expect(logs.map((l) => l.message)).toEqual(['diffsec: webhook signature does not match; delivery dropped']);
    expect(JSON.stringify(logs)).not.toContain('BODY-MARKER-4242');
  });

  it.each([
    ['an empty event header', webhook('pull_request', pullRequest, { 'x-github-event': '' }), /X-GitHub-Event/],
    ['a null body', webhook('pull_request', null), /not a JSON object/],
    ['an array body', webhook('pull_request', [1, 2]), /not a JSON object/],
    ['a payload without repository', webhook('pull_request', { ...pullRequest, repository: undefined }), /'repository' must be an object \(got undefined\)/],
    ['a pull request without a head sha', webhook('pull_request', { ...pullRequest, pull_request: { number: 1, state: 'open', head: {} } }), /'pull_request.head.sha' must be a string/],
    ['a check run without its name', webhook('check_run', { repository: pullRequest.repository, check_run: { head_sha: 'a' } }), /'check_run.name' must be a string/],
    ['a missing delivery id', webhook('pull_request', pullRequest, { 'x-github-delivery': '' }), /X-GitHub-Delivery/],
  ])('answers %s with 400 and a one-line reason, no stack', async (_name, { body, headers }, reason) => {
    const answer = await send(port, { body, headers });
    expect(answer.status).toBe(400);
    const error = JSON.parse(answer.body).error as string;
    expect(error).toMatch(reason);
    expect(error).not.toMatch(/TypeError|\n|\bat \w/);
    expect(received).toEqual([]);
  });

  it('answers signed invalid JSON with 400', async () => {
    const body = '{"action": ';
    const answer = await send(port, { body, headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'd', 'x-hub-signature-256': sign(body) } });
    expect(answer).toEqual({ status: 400, body: JSON.stringify({ error: 'the body is not valid JSON' }) });
  });

  it('refuses other content types, other methods and other paths', async () => {
    const { body, headers } = webhook('pull_request', pullRequest);
    expect((await send(port, { body, headers: { ...headers, 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await send(port, { method: 'GET' })).status).toBe(405);
    expect((await send(port, { method: 'GET', path: '/etc/passwd' })).status).toBe(404);
    expect(received).toEqual([]);
  });

  it('handles a redelivered delivery and a burst of deliveries for one head once', async () => {
    let finish!: () => void;
    receive = (d) => new Promise<void>((resolve) => (finish = () => (received.push(d), resolve())));
    const sync = { ...pullRequest, action: 'synchronize' };
    expect((await send(port, webhook('pull_request', sync, { 'x-github-delivery': 'burst-0' }))).status).toBe(202);
    const again = await send(port, webhook('pull_request', sync, { 'x-github-delivery': 'burst-0' }));
    expect(JSON.parse(again.body)).toEqual({ accepted: 'burst-0', skipped: 'duplicate-delivery' });
    const burst = await Promise.all(Array.from({ length: 19 }, (_, i) => send(port, webhook('pull_request', sync, { 'x-github-delivery': `burst-${i + 1}` }))));
    expect(burst.map((a) => JSON.parse(a.body).skipped)).toEqual(Array(19).fill('same-head-in-progress'));
    finish();
    await front.drain(1000);
    const redelivered = await send(port, webhook('pull_request', sync, { 'x-github-delivery': 'redeliver-1' }));
    expect(JSON.parse(redelivered.body).skipped).toBe('same-head-done');
    expect(received.map((d) => d.id)).toEqual(['burst-0']);
  });

  it('answers 503 once it stops accepting, so GitHub can deliver elsewhere', async () => {
    front.stopAccepting();
    const answer = await send(port, webhook('pull_request', pullRequest));
    expect(answer.status).toBe(503);
    expect(received).toEqual([]);
  });

  it('logs a failing handler in one line and keeps serving', async () => {
    receive = async () => {
      throw new TypeError('boom\n    at somewhere (file.js:1:1)');
    };
    expect((await send(port, webhook('pull_request', pullRequest))).status).toBe(202);
    await front.drain(1000);
    expect(logs.find((l) => l.level === 'error')).toEqual({ level: 'error', fields: { delivery: 'd-1', event: 'pull_request', error: 'boom' }, message: 'diffsec: handling the delivery failed' });
    expect((await send(port, { method: 'GET', path: '/ping' })).status).toBe(200);
  });
});
