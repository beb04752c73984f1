import { readAhead } from '../../src/cli/read-ahead.js';

describe('readAhead', () => {
  it('yields in input order with at most `width` loads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const load = async (n: number) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, (10 - n) * 2));
      inFlight--;
      return n * 10;
    };
    const out: number[] = [];
    for await (const value of readAhead([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, load)) out.push(value);
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(most).toBe(3);
  });

  it('starts nothing more once the consumer stops', async () => {
    const started: number[] = [];
    for await (const value of readAhead([1, 2, 3, 4, 5], 2, async (n) => (started.push(n), n))) if (value === 1) break;
    expect(started).toEqual([1, 2, 3]);
  });
});
