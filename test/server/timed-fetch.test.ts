import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timedFetch } from '../../src/server/timed-fetch.js';

describe('timedFetch', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Answers /fast at once and never answers /hang.
    server = createServer((req, res) => void (req.url === '/fast' ? res.end('ok') : undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('lets an answer within the deadline through', async () => {
    const response = await timedFetch(1000)(`${url}/fast`);
    expect(await response.text()).toBe('ok');
  });

  it('ends a request that hangs with a timeout error', async () => {
    const started = Date.now();
    await expect(timedFetch(200)(`${url}/hang`)).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('still honours the caller’s own abort signal', async () => {
    const controller = new AbortController();
    const pending = timedFetch(10_000)(`${url}/hang`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });
});
