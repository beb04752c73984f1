/** A verified delivery, ready for Probot's `receive`. */
export interface WebhookDelivery {
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

/** Why a delivery is refused: an HTTP status and a one-line reason, never a stack. */
export interface WebhookRefusal {
  status: number;
  error: string;
}

/**
 * The fields each handled event needs, as dotted paths with the type they must have. Checked
 * before the app sees the payload, so a malformed event is a 400, not a TypeError deep inside
 * a handler (answered 500 with a JavaScript error text).
 */
const REQUIRED: Record<string, Record<string, 'string' | 'number' | 'object'>> = {
  pull_request: {
    repository: 'object',
    'repository.name': 'string',
    'repository.owner': 'object',
    'repository.owner.login': 'string',
    pull_request: 'object',
    'pull_request.number': 'number',
    'pull_request.state': 'string',
    'pull_request.head': 'object',
    'pull_request.head.sha': 'string',
  },
  check_run: {
    repository: 'object',
    'repository.name': 'string',
    'repository.owner': 'object',
    'repository.owner.login': 'string',
    check_run: 'object',
    'check_run.name': 'string',
    'check_run.head_sha': 'string',
  },
  check_suite: {
    repository: 'object',
    'repository.name': 'string',
    'repository.owner': 'object',
    'repository.owner.login': 'string',
    check_suite: 'object',
    'check_suite.head_sha': 'string',
  },
};

const EVENT_NAME = /^[a-z][a-z_]{0,63}$/;
const DELIVERY_ID = /^[\w.-]{1,128}$/;

/**
 * Checks a delivery whose signature already verified: its event name and delivery id headers,
 * its body (a JSON object), and, for the events diffsec handles, the fields it reads.
 */
export function parseWebhook(headers: { event?: string; delivery?: string }, body: Buffer): WebhookDelivery | WebhookRefusal {
  const name = headers.event ?? '';
  if (!EVENT_NAME.test(name)) return { status: 400, error: 'X-GitHub-Event is missing or not an event name' };
  const id = headers.delivery ?? '';
  if (!DELIVERY_ID.test(id)) return { status: 400, error: 'X-GitHub-Delivery is missing or malformed' };
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400, error: 'the body is not valid JSON' };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return { status: 400, error: 'the body is not a JSON object' };
  for (const [path, type] of Object.entries(REQUIRED[name] ?? {})) {
    const value = valueAt(payload as Record<string, unknown>, path);
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    if (actual !== type) return { status: 400, error: `${name} event: '${path}' must be ${type === 'object' ? 'an object' : `a ${type}`} (got ${actual})` };
  }
  return { id, name, payload: payload as Record<string, unknown> };
}

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
