import type { GitHubClient } from '../../src/github/github-client.js';
import { OpenCheckRuns } from '../../src/github/open-check-runs.js';

function fakeClient(failing = false) {
  const updates: Record<string, unknown>[] = [];
  const client = {
    octokit: { rest: { checks: { update: async (body: Record<string, unknown>) => (failing ? Promise.reject(new Error('HTTP 502')) : void updates.push(body)) } } },
    calls: () => updates.length,
  } as unknown as GitHubClient;
  return { client, updates };
}

const pr = (number: number) => ({ owner: 'o', repo: 'r', number, headSha: `${number}`.repeat(40).slice(0, 40) });

describe('OpenCheckRuns', () => {
  it('completes every check run still open as neutral, saying how to run it again', async () => {
    const open = new OpenCheckRuns();
    const { client, updates } = fakeClient();
    open.add(11, client, pr(1));
    open.add(12, client, pr(2));
    open.add(13, client, pr(3));
    open.remove(12);
    expect(await open.interruptAll('SIGTERM')).toBe(2);
    expect(updates.map((u) => [u.check_run_id, u.status, u.conclusion])).toEqual([
      [11, 'completed', 'neutral'],
      [13, 'completed', 'neutral'],
    ]);
    expect((updates[0]!.output as { summary: string }).summary).toMatch(/stopped \(SIGTERM\).*Re-run/);
    expect(open.size).toBe(0);
  });

  it('does not throw when GitHub refuses one of them', async () => {
    const open = new OpenCheckRuns();
    open.add(1, fakeClient(true).client, pr(1));
    await expect(open.interruptAll('SIGINT')).resolves.toBe(1);
  });
});
