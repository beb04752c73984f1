import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DeliveryGate } from './delivery-gate.js';
import { parseWebhook, type WebhookDelivery } from './parse-webhook.js';
import { readBoundedBody, WEBHOOK_BODY_LIMIT } from './read-bounded-body.js';
import { verifySignature } from './verify-signature.js';

/** What the server needs to log: pino's shape, reduced. */
export interface ServerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface WebhookServerOptions {
  secret: string;
  /** Where GitHub posts; `/api/github/webhooks` by default, as Probot. */
  path?: string;
  /** Handles a verified, well-formed delivery (Probot's `receive`); runs after the answer is sent. */
  receive: (delivery: WebhookDelivery) => Promise<void>;
  log: ServerLog;
  bodyLimit?: number;
  /** Which deliveries to handle: each once, each pull request head once (a new gate by default). */
  gate?: DeliveryGate;
  /**
   * Deliveries handled at once at most; the rest wait in arrival order (counted in `inFlight`).
   * Keeps the event loop free to answer webhooks within GitHub's 10 s during a burst.
   */
  maxConcurrent?: number;
  /**
   * Answer only once `receive` has finished (202), or failed or passed `acknowledgeWithinMs` (503,
   * so the delivery shows as failed on GitHub and can be redelivered): for a queue receiver, whose
   * `receive` is a quick enqueue, a delivery is never acknowledged and then lost with Redis down.
   */
  acknowledgeAfterReceive?: boolean;
  /** The bound on that wait; 5 s by default, inside GitHub's 10 s. */
  acknowledgeWithinMs?: number;
  /** Serves `GET /metrics` (Prometheus text) when given. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
}

/** The webhook server and the deliveries it is still handling. */
export interface WebhookServer {
  server: Server;
  /** Deliveries accepted and not yet handled. */
  readonly inFlight: number;
  /** Refuses new deliveries from now on (503, so GitHub's redelivery can find another replica). */
  stopAccepting(): void;
  /** Waits for the accepted deliveries, `timeoutMs` at most; true when all finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * diffsec's HTTP front: `GET /ping`, `GET /metrics` (when given) and the webhook path, nothing else. A delivery is answered
 * 202 as soon as it is verified and checked — within GitHub's 10 s whatever the review costs —
 * and handled after. Bodies over GitHub's 25 MB cap get 413 unread; a bad signature gets 401 and
 * the body is dropped unlogged; malformed events get 400 with a one-line reason, never a stack.
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const path = options.path ?? '/api/github/webhooks';
  const inFlight = new Set<Promise<void>>();
  const gate = options.gate ?? new DeliveryGate();
  let accepting = true;
  const maxConcurrent = options.maxConcurrent ?? Infinity;
  let running = 0;
  const waiting: (() => void)[] = [];
  const limit = async (work: () => Promise<void>): Promise<void> => {
    if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  const handleDelivery = async (request: IncomingMessage, response: ServerResponse) => {
    const event = header(request, 'x-github-event');
    const delivery = header(request, 'x-github-delivery');
    const fields = { delivery: delivery?.slice(0, 128), event: event?.slice(0, 64) };
    if (!accepting) return answer(response, 503, { error: 'shutting down; retry later' }, { 'retry-after': '10' });
    if (!/^application\/json\s*(?:;|$)/i.test(header(request, 'content-type') ?? '')) return answer(response, 415, { error: 'Content-Type must be application/json' });
    const read = await readBoundedBody(request, options.bodyLimit ?? WEBHOOK_BODY_LIMIT);
    if ('tooLarge' in read) {
      options.log.warn(fields, 'diffsec: webhook body over the size limit refused');
      return answer(response, 413, { error: `body over ${options.bodyLimit ?? WEBHOOK_BODY_LIMIT} bytes` }, { connection: 'close' });
    }
    if ('aborted' in read) return;
    if (!verifySignature(options.secret, read.body, header(request, 'x-hub-signature-256'))) {
      options.log.warn(fields, 'diffsec: webhook signature does not match; delivery dropped');
      return answer(response, 401, { error: 'signature does not match' });
    }
    const parsed = parseWebhook({ event, delivery }, read.body);
    if ('error' in parsed) {
      options.log.warn({ ...fields, reason: parsed.error }, 'diffsec: malformed webhook refused');
      return answer(response, parsed.status, { error: parsed.error });
    }
    const admission = gate.admit(parsed);
    if (admission !== 'handle') {
      options.log.info({ ...fields, skipped: admission }, 'diffsec: delivery not handled again');
      return answer(response, 202, { accepted: parsed.id, skipped: admission });
    }
    const afterReceive = options.acknowledgeAfterReceive === true;
    if (!afterReceive) answer(response, 202, { accepted: parsed.id });
    const received = () => (afterReceive ? withinMs(options.receive(parsed), options.acknowledgeWithinMs ?? 5000) : options.receive(parsed));
    const handling = limit(received).then(
      () => {
        gate.finished(parsed, true);
        answer(response, 202, { accepted: parsed.id });
      },
      (error: unknown) => {
        gate.finished(parsed, false);
        // Refused with 503 rather than handled: the same delivery sent again must get through.
        if (afterReceive) gate.forgetDelivery(parsed);
        options.log.error({ ...fields, error: oneLine(error) }, 'diffsec: handling the delivery failed');
        answer(response, 503, { error: 'the delivery could not be queued; redeliver it' }, { 'retry-after': '10' });
      },
    );
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  };

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const pathname = url.split('?')[0];
    if (request.method === 'GET' && pathname === '/ping') return answer(response, 200, 'PONG');
    if (request.method === 'GET' && pathname === '/metrics' && options.metrics) {
      return void options.metrics().then(
        ({ contentType, body }) => answer(response, 200, body, { 'content-type': contentType }),
        () => answer(response, 500, { error: 'metrics unavailable' }),
      );
    }
    if (pathname === path) {
      if (request.method !== 'POST') return answer(response, 405, { error: 'POST only' }, { allow: 'POST' });
      return void handleDelivery(request, response).catch((error: unknown) => {
        options.log.error({ error: oneLine(error) }, 'diffsec: webhook request failed');
        if (!response.headersSent) answer(response, 500, { error: 'internal error' });
      });
    }
    answer(response, 404, { error: 'not found' });
  });
  // A sender that trickles a body must not hold a connection open for Node's default 5 minutes.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return {
    server,
    get inFlight() {
      return inFlight.size;
    },
    stopAccepting() {
      accepting = false;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const finished = (async () => {
        while (inFlight.size > 0) await Promise.all(inFlight);
        return true as const;
      })();
      const result = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      return result;
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `work`, or a rejection once `ms` have passed without it settling. */
function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  response.end(text);
}

function oneLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 300);
}
