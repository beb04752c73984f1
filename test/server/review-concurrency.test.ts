import type { AddressInfo } from 'node:net';
import { createWebhookServer } from '../../src/server/webhook-server.js';
import { deliverWebhook } from '../helpers/deliver-webhook.js';

const SECRET = 's';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the webhook server under a burst', () => {
  it('handles at most maxConcurrent deliveries at once, the rest in arrival order, and answers each at once', async () => {
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const release: (() => void)[] = [];
    const front = createWebhookServer({
      secret: SECRET,
      log: silent,
      maxConcurrent: 2,
      receive: async (delivery) => {
        running++;
        most = Math.max(most, running);
        order.push(delivery.id);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      },
    });
    await new Promise<void>((resolve) => front.server.listen(0, '127.0.0.1', resolve));
    const port = (front.server.address() as AddressInfo).port;
    try {
      for (let i = 0; i < 6; i++) {
        const payload = { action: 'opened', repository: { name: 'r', owner: { login: 'o' } }, pull_request: { number: i, state: 'open', head: { sha: `h${i}` } }, installation: { id: 1 } };
        const started = Date.now();
        expect(await deliverWebhook(port, SECRET, { id: `d${i}`, payload })).toBe(202);
        expect(Date.now() - started).toBeLessThan(2000);
      }
      expect(front.inFlight).toBe(6);
      expect(order).toEqual(['d0', 'd1']);
      while (order.length < 6 || release.length) {
        release.shift()?.();
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(await front.drain(2000)).toBe(true);
      expect(order).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5']);
      expect(most).toBe(2);
    } finally {
      await new Promise((resolve) => front.server.close(resolve));
    }
  });
});
