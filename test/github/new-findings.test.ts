import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import { AppHarness, HEAD, OWNER, REPO, lastCheckRun, pullRequestPayload } from './harness.js';

// A pull request that only deletes a masking line: the password now reaches the log on line 10,
// an unchanged line. The shell call on line 16 was there before and stays out of the review.
const HEAD_LINES = [
  'from oslo_log import log as logging',
  'from oslo_utils import strutils',
  '',
  'LOG = logging.getLogger(__name__)',
  '',
  '',
  'def connect(host, user, password):',
  "    creds = {'host': host, 'user': user, 'password': password}",
  '    msg = "Connecting with %s" % creds',
  '    LOG.debug(msg)',
  '    return creds',
  '',
  '',
  'def run(cmd):',
  '    import subprocess',
  '    subprocess.call(cmd, shell=True)',
];
const PATCH = ['@@ -7,6 +7,5 @@ LOG = logging.getLogger(__name__)', ...HEAD_LINES.slice(6, 9).map((l) => ` ${l}`), '-    msg = strutils.mask_password(msg)', ...HEAD_LINES.slice(9, 11).map((l) => ` ${l}`)].join('\n');
const unmasked = (withPatch: boolean): DoubleFile => ({ path: 'drv/driver.py', status: 'modified', content: HEAD_LINES.join('\n') + '\n', ...(withPatch ? { patch: PATCH } : {}) });

/** The calls of a review that posts one review: nothing more for differential scoping. */
const REVIEW_CALLS = [
  `GET /repos/${OWNER}/${REPO}/contents/.github/diffsec.yml`,
  `GET /repos/${OWNER}/.github/contents/.github/diffsec.yml`,
  `POST /repos/${OWNER}/${REPO}/check-runs`,
  `GET /repos/${OWNER}/${REPO}/pulls/2/files`,
  'POST /graphql',
  `GET /repos/${OWNER}/${REPO}/pulls/2`,
  'GET /app',
  `GET /repos/${OWNER}/${REPO}/pulls/2/comments`,
  `POST /repos/${OWNER}/${REPO}/pulls/2/reviews`,
  `PATCH /repos/${OWNER}/${REPO}/check-runs/1000`,
];

describe('the app: a finding that a deletion creates off the changed lines', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  it('is commented on its own line of the hunk, says why, and costs no API call (the base is rebuilt from the patch)', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [unmasked(true)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));

    expect(github.calls()).toEqual(REVIEW_CALLS);
    const review = github.reviews[0]!.body as { comments: Record<string, unknown>[] };
    expect(review.comments.map((c) => [c.path, c.line, c.start_line])).toEqual([['drv/driver.py', 10, undefined]]);
    const body = String(review.comments[0]!.body);
    expect(body).toContain('**DS205 ');
    expect(body).toContain('New in this pull request: the base version of this file has no such finding; the nearest change is at lines 7–11 (1 line deleted).');
    const out = lastCheckRun(github);
    // The shell call on line 16 is as old as the base: counted outside the diff, not reported.
    expect(out.summary).toContain('1 outside the diff');
    expect(out.summary).not.toContain('drv/driver.py:16');
  });

  it('stays outside the diff, and the check run says why, when the base cannot be rebuilt', async () => {
    // No per-file patch: the diff comes from the pull request's whole diff, which gives no text to rebuild from.
    const diff = `diff --git a/drv/driver.py b/drv/driver.py\nindex 1111111..2222222 100644\n--- a/drv/driver.py\n+++ b/drv/driver.py\n${PATCH}\n`;
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [unmasked(false)], diff });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));

    expect(github.reviews).toEqual([]);
    const out = lastCheckRun(github);
    expect(out.conclusion).toBe('success');
    expect(out.summary.replace(/\\/g, '')).toContain(
      'drv/driver.py: 2 findings off the changed lines could not be compared with the base version (GitHub gave no patch for the file to rebuild it from), so they stay outside the diff.',
    );
    expect(out.summary).toContain('2 outside the diff');
  });

  it('is off with `scope: {new_findings: false}`: the finding stays outside, as before', async () => {
    const github = new GitHubApiDouble(OWNER, REPO, 'scope: {new_findings: false}\n').addPullRequest({ number: 2, headSha: HEAD, files: [unmasked(true)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    expect(lastCheckRun(github)).toMatchObject({ conclusion: 'success' });
    expect(lastCheckRun(github).summary).toContain('2 outside the diff');
  });
});
