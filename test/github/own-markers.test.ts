import { GitHubApiDouble, type DoubleUser } from '../../src/demo/github-api-double.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, lastCheckRun, pullRequestPayload } from './harness.js';

const VULNERABLE = ['import subprocess', 'subprocess.call(cmd, shell=True)'];
const PERSON: DoubleUser = { login: 'mallory', id: 66, type: 'User' };

/** The body of the inline comment diffsec posts on VULNERABLE in run.py: its marker is what an attacker would plant. */
async function postedBody(): Promise<string> {
  const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 9, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
  const app = await new AppHarness(github).start();
  try {
    await app.deliver('pull_request', pullRequestPayload('opened', 9, HEAD));
    return String((github.reviews[0]!.body.comments as { body: string }[])[0]!.body);
  } finally {
    await app.stop();
  }
}

function inlinePaths(github: GitHubApiDouble): string[] {
  return github.reviews.flatMap((r) => (r.body.comments as { path: string }[]).map((c) => c.path));
}

describe('fingerprint markers', () => {
  let app: AppHarness;
  let body: string;
  beforeAll(async () => {
    body = await postedBody();
    expect(body).toMatch(/<!-- diffsec:fp=DS101:[0-9a-f]+ -->/);
  });
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  const withComment = (user: DoubleUser, comment: string) =>
    new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] }).addReviewComment(2, user, comment);

  it('planted in a person\'s comment do not silence the inline comment', async () => {
    const marker = body.match(/<!-- diffsec:fp=[^ ]+ -->/)![0];
    const github = withComment(PERSON, `looks fine to me ${marker.repeat(5)}`);
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(inlinePaths(github)).toEqual(['run.py']);
    expect(lastCheckRun(github).summary).not.toContain('already commented on');
  });

  it('planted by another app\'s bot, or by an account merely named like diffsec\'s, do not silence either', async () => {
    for (const user of [{ login: 'other-app[bot]', id: 7, type: 'Bot' }, { login: 'diffsec[bot]', id: 8, type: 'User' }] as DoubleUser[]) {
      const github = withComment(user, body);
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      expect(inlinePaths(github)).toEqual(['run.py']);
      await app.stop();
    }
    app = await new AppHarness(new GitHubApiDouble(OWNER, REPO)).start();
  });

  it('in diffsec\'s own earlier comment keep the finding from being posted again', async () => {
    const github = withComment({ login: 'diffsec[bot]', id: 900_001, type: 'Bot' }, body);
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    expect(lastCheckRun(github).summary).toContain('already commented on by an earlier diffsec review');
  });

  it('are matched against the app\'s own slug, looked up once per process', async () => {
    const github = withComment({ login: 'acme-security[bot]', id: 5, type: 'Bot' }, body);
    github.appSlug = 'acme-security';
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    await app.deliver('pull_request', pullRequestPayload('synchronize', 2, HEAD));
    expect(github.reviews).toEqual([]);
    expect(github.calls().filter((c) => c === 'GET /app')).toHaveLength(1);
  });

  it('count for an explicitly given login (a workflow token posts as github-actions[bot]), with no lookup', async () => {
    const github = withComment({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' }, body);
    app = await new AppHarness(github, { botLogin: 'github-actions[bot]' }).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    expect(github.calls()).not.toContain('GET /app');
  });

  it('count for none when the app cannot look itself up: the comment is posted, the check says why, and the next review asks again', async () => {
    const github = withComment({ login: 'diffsec[bot]', id: 900_001, type: 'Bot' }, body);
    for (let i = 0; i < 4; i++) github.fail({ method: 'GET', path: /^\/app$/, status: 500 });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(inlinePaths(github)).toEqual(['run.py']);
    expect(lastCheckRun(github).summary).toContain('diffsec could not look up its own account (HTTP 500');
    await app.deliver('pull_request', pullRequestPayload('synchronize', 2, HEAD));
    expect(github.reviews).toHaveLength(1);
    expect(github.calls().filter((c) => c === 'GET /app')).toHaveLength(5);
  });
});
