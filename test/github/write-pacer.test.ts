import { isContentWrite, WritePacer } from '../../src/github/write-pacer.js';

/** A clock that only moves when the pacer sleeps: waits are recorded, never slept. */
function fakeClock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps, advance: (ms: number) => (now += ms) };
}

describe('WritePacer', () => {
  it('lets 80 writes of one installation through in a minute and holds the 81st until the first is a minute old', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(80, 500, clock.sleep, clock.now);
    const started: number[] = [];
    await Promise.all(Array.from({ length: 81 }, () => pacer.schedule('inst-1', async () => void started.push(clock.now()))));
    expect(started.slice(0, 80).every((t) => t === 1_000_000)).toBe(true);
    expect(started[80]).toBe(1_060_000);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('never makes one installation wait for another', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(1, 500, clock.sleep, clock.now);
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((key) => pacer.schedule(key, async () => void order.push(`${key}@${clock.now()}`))));
    expect(order).toEqual(['a@1000000', 'b@1000000', 'c@1000000']);
    expect(clock.sleeps).toEqual([]);
  });

  it('runs the writes of one installation one at a time, in order, and goes on after a failed one', async () => {
    const pacer = new WritePacer();
    let running = 0;
    let most = 0;
    const log: number[] = [];
    const write = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      log.push(i);
      if (i === 2) throw new Error('HTTP 502');
    };
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => pacer.schedule('inst', write(i))));
    expect(most).toBe(1);
    expect(log).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });

  it('holds the 501st write of an hour until the first is an hour old', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(10_000, 500, clock.sleep, clock.now);
    for (let i = 0; i < 500; i++) await pacer.schedule('x', async () => undefined);
    clock.advance(1000);
    await pacer.schedule('x', async () => undefined);
    expect(clock.sleeps).toEqual([3_600_000 - 1000]);
  });
});

describe('isContentWrite', () => {
  it('counts POST, PATCH, PUT and DELETE and GraphQL mutations; not reads, GraphQL queries or the token exchange', () => {
    expect(isContentWrite('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews')).toBe(true);
    expect(isContentWrite('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}')).toBe(true);
    expect(isContentWrite('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files')).toBe(false);
    expect(isContentWrite('POST', '/graphql', { query: 'query { viewer { login } }' })).toBe(false);
    expect(isContentWrite('POST', '/graphql', { query: ' mutation { resolveReviewThread(input: {}) { clientMutationId } }' })).toBe(true);
    expect(isContentWrite('POST', '/app/installations/{installation_id}/access_tokens')).toBe(false);
  });
});
