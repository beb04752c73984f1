import { createHmac } from 'node:crypto';

/** Posts `payload` as a signed GitHub webhook delivery to a server on loopback; returns the HTTP status (the body is read and dropped). */
export async function deliverWebhook(port: number, secret: string, delivery: { id: string; payload: unknown; event?: string }): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.event ?? 'pull_request',
      'x-github-delivery': delivery.id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  });
  await response.text();
  return response.status;
}
