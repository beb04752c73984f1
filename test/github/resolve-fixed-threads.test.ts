import { GitHubApiDouble, type DoubleFile, type DoubleUser } from '../../src/demo/github-api-double.js';
import { isOwnAuthor, threadPage } from '../../src/github/resolve-fixed-threads.js';
import { UnexpectedAnswer } from '../../src/github/api-answer.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, lastCheckRun, pullRequestPayload } from './harness.js';

const VULNERABLE = ['import subprocess', '', 'def run(cmd):', '    subprocess.call(cmd, shell=True)', ''];
const FIXED = ['import subprocess', '', 'def run(cmd):', '    subprocess.run(["/bin/ls"])', ''];
const NEXT = 'b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0';
const PERSON: DoubleUser = { login: 'alice', id: 5, type: 'User' };

/** A double whose PR 2 had diffsec comment on run.py (and, with `other`, on other.py) at HEAD; the next push is `files`. */
async function commentedThenPushed(files: DoubleFile[], setup: (github: GitHubApiDouble) => void = () => undefined, config: string | null = null) {
  const github = new GitHubApiDouble(OWNER, REPO, config).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE), addedFile('other.py', VULNERABLE)] });
  const app = await new AppHarness(github).start();
  await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
  expect(github.threads.map((t) => t.path)).toEqual(['other.py', 'run.py']);
  setup(github);
  github.addPullRequest({ number: 2, headSha: NEXT, files });
  const before = github.calls().length;
  await app.deliver('pull_request', pullRequestPayload('synchronize', 2, NEXT));
  return { github, app, calls: github.calls().slice(before) };
}

const mutations = (github: GitHubApiDouble) =>
  github.requests.filter((r) => r.path === '/graphql' && /^mutation/.test(String((r.body as { query: string }).query))).map((r) => String((r.body as { query: string }).query).match(/(addPullRequestReviewThreadReply|resolveReviewThread)/)![1]);

describe('threads of fixed findings', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  it('are resolved after a one-line reply naming the fixing commit; a finding still there keeps its thread open', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)]);
    app = run.app;
    const [fixed] = run.github.threadsOn(2, 'run.py');
    const [kept] = run.github.threadsOn(2, 'other.py');
    expect(fixed!.isResolved).toBe(true);
    expect(fixed!.comments.map((c) => c.user?.login)).toEqual(['diffsec[bot]', 'diffsec[bot]']);
    expect(fixed!.comments[1]!.body).toBe('Fixed in b1c2d3e.');
    expect(kept!.isResolved).toBe(false);
    expect(kept!.comments).toHaveLength(1);
    expect(run.calls).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/diffsec.yml`,
      `GET /repos/${OWNER}/.github/contents/.github/diffsec.yml`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `GET /repos/${OWNER}/${REPO}/pulls/2/files`,
      'POST /graphql',
      `GET /repos/${OWNER}/${REPO}/pulls/2`,
      `GET /repos/${OWNER}/${REPO}/pulls/2/comments`,
      // Threads are read only because a marker is gone; then the reply and the resolve.
      'POST /graphql',
      'POST /graphql',
      'POST /graphql',
      expect.stringMatching(new RegExp(`^PATCH /repos/${OWNER}/${REPO}/check-runs/\\d+$`)),
    ]);
    expect(mutations(run.github)).toEqual(['addPullRequestReviewThreadReply', 'resolveReviewThread']);
    expect(lastCheckRun(run.github).summary).toContain('1 earlier diffsec comment thread resolved: its finding is gone in b1c2d3e.');
    expect(app.logs.filter((l) => l.message === 'diffsec: reviewed pull request').map((l) => l.resolved)).toEqual([0, 1]);
  });

  it('are not read at all when every finding diffsec commented on is still there', async () => {
    const run = await commentedThenPushed([addedFile('run.py', ['# moved', ...VULNERABLE]), addedFile('other.py', VULNERABLE)]);
    app = run.app;
    expect(run.calls.filter((c) => c === 'POST /graphql')).toHaveLength(1);
    expect(run.github.threads.every((t) => !t.isResolved && t.comments.length === 1)).toBe(true);
  });

  it('stay open when a person replied, and the summary says so', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      github.reply(github.threadsOn(2, 'run.py')[0]!.id, PERSON, 'This is intended: cmd is a constant.');
    });
    app = run.app;
    expect(run.github.threadsOn(2, 'run.py')[0]!.isResolved).toBe(false);
    expect(mutations(run.github)).toEqual([]);
    expect(lastCheckRun(run.github).summary).toContain('1 thread of fixed findings has replies from people and is left open for them to resolve.');
  });

  it('stay open when a deleted account replied (a null author is not diffsec)', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      github.reply(github.threadsOn(2, 'run.py')[0]!.id, null, 'ok');
    });
    app = run.app;
    expect(mutations(run.github)).toEqual([]);
  });

  it('already resolved are left alone', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      github.threadsOn(2, 'run.py')[0]!.isResolved = true;
    });
    app = run.app;
    expect(mutations(run.github)).toEqual([]);
    expect(run.github.threadsOn(2, 'run.py')[0]!.comments).toHaveLength(1);
  });

  it('are not touched when the file was skipped or is gone from the pull request in this head', async () => {
    const binary: DoubleFile = { path: 'run.py', status: 'modified', patch: '@@ -1 +1 @@\n-x\n+y', content: Buffer.from([0x00, 0x01, 0x02, 0x0a]) };
    for (const files of [[binary, addedFile('other.py', VULNERABLE)], [addedFile('other.py', VULNERABLE)]]) {
      const run = await commentedThenPushed(files);
      app = run.app;
      expect(mutations(run.github)).toEqual([]);
      expect(run.github.threads.every((t) => !t.isResolved)).toBe(true);
      await app.stop();
    }
    app = await new AppHarness(new GitHubApiDouble(OWNER, REPO)).start();
  });

  it('are not touched when the rule no longer runs (disabled in the config)', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      github.config = 'rules:\n  disable: [DS101]\n';
    });
    app = run.app;
    expect(mutations(run.github)).toEqual([]);
  });

  it('by anyone but diffsec are never resolved, markers or not', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      // Someone copies diffsec's comment, marker and all, under another bot and as a person.
      const body = github.threadsOn(2, 'run.py')[0]!.comments[0]!.body;
      github.threads.splice(github.threads.indexOf(github.threadsOn(2, 'run.py')[0]!), 1);
      github.addReviewComment(2, { login: 'other-app[bot]', id: 7, type: 'Bot' }, body, 'run.py', 4);
      github.addReviewComment(2, PERSON, body, 'run.py', 4);
    });
    app = run.app;
    expect(mutations(run.github)).toEqual([]);
  });

  it('are read across pages', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      // 150 threads by people come first: diffsec's is on the second page.
      const mine = github.threadsOn(2, 'run.py')[0]!;
      github.threads.splice(github.threads.indexOf(mine), 1);
      for (let i = 0; i < 150; i++) github.addReviewComment(2, PERSON, `nit ${i}`, 'README.md', 1);
      github.threads.push(mine);
    });
    app = run.app;
    const reads = run.github.requests.filter((r) => r.path === '/graphql' && String((r.body as { query: string }).query).includes('reviewThreads'));
    expect(reads.map((r) => (r.body as { variables: { after: string | null } }).variables.after)).toEqual([null, '100']);
    expect(run.github.threadsOn(2, 'run.py')[0]!.isResolved).toBe(true);
  });

  it('failing to resolve is retried, then said in the summary; the review and the check still complete', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      for (let i = 0; i < 4; i++) github.fail({ method: 'POST', path: /^\/graphql$/, requestBody: /resolveReviewThread/, status: 502 });
    });
    app = run.app;
    expect(app.sleeps).toEqual([1000, 2000, 4000]);
    expect(run.github.threadsOn(2, 'run.py')[0]!.isResolved).toBe(false);
    const check = lastCheckRun(run.github);
    expect(check.status).toBe('completed');
    expect(check.conclusion).toBe('failure');
    expect(check.summary).toContain('diffsec could not resolve the comment thread of a fixed finding in run.py (HTTP 502');
    expect(check.summary).toContain('1 such thread is left open');

    // The next review does not say "Fixed in" twice: it only resolves.
    run.github.addPullRequest({ number: 2, headSha: 'c'.repeat(40), files: [addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)] });
    await app.deliver('pull_request', pullRequestPayload('synchronize', 2, 'c'.repeat(40)));
    const thread = run.github.threadsOn(2, 'run.py')[0]!;
    expect(thread.isResolved).toBe(true);
    expect(thread.comments.map((c) => c.body).filter((b) => b.startsWith('Fixed in'))).toEqual(['Fixed in b1c2d3e.']);
  });

  it('failing to be read is said in the summary, never fatal', async () => {
    const run = await commentedThenPushed([addedFile('run.py', FIXED), addedFile('other.py', VULNERABLE)], (github) => {
      github.fail({ method: 'POST', path: /^\/graphql$/, requestBody: /reviewThreads/, status: 200, body: { data: { repository: { pullRequest: { reviewThreads: { nodes: 'x' } } } } } });
    });
    app = run.app;
    const check = lastCheckRun(run.github);
    expect(check.summary).toContain("diffsec could not read the pull request's review threads (GitHub answered the GraphQL review threads read (page 1) with an unexpected shape");
    expect(check.status).toBe('completed');
    expect(run.github.threadsOn(2, 'run.py')[0]!.isResolved).toBe(false);
  });
});

describe('isOwnAuthor', () => {
  it("takes GraphQL's bare slug or the REST login of a Bot, and nobody else", () => {
    const bot = { login: 'diffsec[bot]' };
    expect(isOwnAuthor({ login: 'diffsec', type: 'Bot' }, bot)).toBe(true);
    expect(isOwnAuthor({ login: 'DiffSec[bot]', type: 'Bot' }, bot)).toBe(true);
    expect(isOwnAuthor({ login: 'diffsec', type: 'User' }, bot)).toBe(false);
    expect(isOwnAuthor({ login: 'other', type: 'Bot' }, bot)).toBe(false);
    expect(isOwnAuthor(null, bot)).toBe(false);
  });
});

describe('threadPage', () => {
  it('refuses an answer of the wrong shape, naming what was wrong', () => {
    expect(() => threadPage({ repository: { pullRequest: { reviewThreads: { pageInfo: {}, nodes: [{ id: 'T', isResolved: 'no', path: 'a.py', comments: { totalCount: 0, nodes: [] } }] } } } }, 1)).toThrow(UnexpectedAnswer);
    expect(() => threadPage({ repository: { pullRequest: null } }, 2)).toThrow(/page 2\) with an unexpected shape: pullRequest is not an object/);
  });
});
