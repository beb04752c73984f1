import { botLoginOf, identityOnce, isOwnComment } from '../../src/github/bot-identity.js';

describe('the bot identity', () => {
  const bot = { login: botLoginOf('diffsec') };

  it('owns only comments by a Bot with its login, compared as GitHub does, without case', () => {
    expect(isOwnComment({ login: 'diffsec[bot]', type: 'Bot', id: 1 }, bot)).toBe(true);
    expect(isOwnComment({ login: 'DiffSec[bot]', type: 'Bot', id: 1 }, bot)).toBe(true);
    expect(isOwnComment({ login: 'diffsec[bot]', type: 'User', id: 1 }, bot)).toBe(false);
    expect(isOwnComment({ login: 'diffsec', type: 'User', id: 1 }, bot)).toBe(false);
    expect(isOwnComment({ login: 'other[bot]', type: 'Bot', id: 1 }, bot)).toBe(false);
    expect(isOwnComment(null, bot)).toBe(false);
  });

  it('is looked up once, and again after a failed lookup', async () => {
    let calls = 0;
    const outcomes = [new Error('down'), { login: 'a[bot]' }];
    const identity = identityOnce(async () => {
      const next = outcomes[Math.min(calls++, outcomes.length - 1)]!;
      if (next instanceof Error) throw next;
      return next;
    });
    await expect(identity()).rejects.toThrow('down');
    await expect(identity()).resolves.toEqual({ login: 'a[bot]' });
    await expect(identity()).resolves.toEqual({ login: 'a[bot]' });
    expect(calls).toBe(2);
  });
});
