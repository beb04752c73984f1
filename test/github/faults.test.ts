import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { PREDICATES } from '../../src/rules/predicates/index.js';
import type { Predicate } from '../../src/rules/predicates/predicate.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, lastCheckRun, pullRequestPayload } from './harness.js';

const VULNERABLE = ['import subprocess', 'subprocess.call(cmd, shell=True)'];
const base = `/repos/${OWNER}/${REPO}`;


describe('when GitHub or the analysis fails', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  it('posts the review again without the rejected comments when GitHub answers 422, and lists them in the check run', async () => {
    const lines = ['import subprocess', 'subprocess.call(', '    cmd, shell=True)', 'subprocess.call(x, shell=True)'];
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', lines)] });
    github.fail({ method: 'POST', path: /\/pulls\/2\/reviews$/, status: 422, body: { message: 'Unprocessable Entity', errors: ['pull_request_review_thread.line must be part of the diff'] } });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const attempts = github.requests.filter((r) => r.path.endsWith('/reviews'));
    expect(attempts).toHaveLength(2);
    expect(github.reviews).toHaveLength(1);
    expect((github.reviews[0]!.body.comments as { line: number }[]).map((c) => c.line)).toEqual([3, 4]);
    expect(lastCheckRun(github).conclusion).toBe('failure');
  });

  it('gives up inline comments after a second 422 but keeps every finding in the check run', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    github.fail({ method: 'POST', path: /\/reviews$/, status: 422 }).fail({ method: 'POST', path: /\/reviews$/, status: 422 });
    // The second attempt carries the same single-line comment, so it meets the second 422.
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    const out = lastCheckRun(github);
    expect(out.conclusion).toBe('failure');
    expect(out.summary).toContain('GitHub rejected the inline comment (HTTP 422');
    expect(out.summary).toContain('| DS101 | high | high |');
  });

  it('retries a 500 and then succeeds', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    github.fail({ method: 'GET', path: /\/pulls\/2\/files$/, status: 500 });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.requests.filter((r) => r.path === `${base}/pulls/2/files`)).toHaveLength(2);
    expect(app.sleeps).toEqual([1000]);
    expect(github.reviews).toHaveLength(1);
  });

  it('waits out a secondary rate limit as told by retry-after, and loses nothing', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    github.fail({ method: 'POST', path: /\/reviews$/, status: 403, headers: { 'retry-after': '7' }, body: { message: 'You have exceeded a secondary rate limit.' } });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(app.sleeps).toEqual([7000]);
    expect(github.reviews).toHaveLength(1);
  });

  it('completes the check run with the reason when GitHub keeps failing', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    for (let i = 0; i < 4; i++) github.fail({ method: 'GET', path: /\/pulls\/2\/files$/, status: 502 });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const out = lastCheckRun(github);
    expect(out).toMatchObject({ status: 'completed', conclusion: 'failure', title: 'diffsec could not finish' });
    expect(out.summary).toContain('HTTP 502');
    expect(app.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('fails the check naming the key of an invalid config', async () => {
    const github = new GitHubApiDouble(OWNER, REPO, 'max_coments: 3\n').addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const out = lastCheckRun(github);
    expect(out).toMatchObject({ conclusion: 'failure', title: 'Invalid diffsec configuration' });
    expect(out.summary).toContain("'max_coments' is not a known key");
    expect(github.reviews).toEqual([]);
  });

  it('completes the check with an explanation when the analysis crashes', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    const original = PREDICATES.get('resolves-to')!;
    (PREDICATES as Map<string, Predicate>).set('resolves-to', { ...original, test: () => { throw new Error('predicate exploded'); } });
    try {
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    } finally {
      (PREDICATES as Map<string, Predicate>).set('resolves-to', original);
    }
    const out = lastCheckRun(github);
    expect(out.status).toBe('completed');
    expect(out.summary).toContain('predicate exploded');
  });

  it('honours the config: check run only, and severities', async () => {
    const github = new GitHubApiDouble(OWNER, REPO, 'inline_comments: false\nrules:\n  severity:\n    DS101: low\n').addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    const out = lastCheckRun(github);
    expect(out.conclusion).toBe('success');
    expect(out.summary).toContain('inline comments are off (inline_comments: false)');
  });
});
