import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, examplePayload, lastCheckRun, pullRequestPayload } from './harness.js';

const VULNERABLE = ['import subprocess', 'subprocess.call(cmd, shell=True)'];


describe('the files of a pull request', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  it('pages through more than 100 changed files and reads them in batched GraphQL queries', async () => {
    const files: DoubleFile[] = Array.from({ length: 130 }, (_, i) => addedFile(`pkg/m${String(i).padStart(3, '0')}.py`, [`x = ${i}`]));
    files.push(addedFile('pkg/zz_bad.py', VULNERABLE));
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const pages = github.requests.filter((r) => r.path.endsWith('/pulls/2/files')).map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(github.requests.filter((r) => r.path === '/graphql')).toHaveLength(2);
    expect((github.reviews[0]!.body.comments as { path: string }[]).map((c) => c.path)).toEqual(['pkg/zz_bad.py']);
  });

  it('takes a missing patch from the pull request diff', async () => {
    const content = ['import os', '', 'import subprocess', 'subprocess.call(cmd, shell=True)'].join('\n') + '\n';
    const diff = 'diff --git a/big.py b/big.py\nindex 1..2 100644\n--- a/big.py\n+++ b/big.py\n@@ -1,2 +1,4 @@\n import os\n \n+import subprocess\n+subprocess.call(cmd, shell=True)\n';
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, diff, files: [{ path: 'big.py', status: 'modified', content }] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect((github.reviews[0]!.body.comments as { line: number }[]).map((c) => c.line)).toEqual([4]);
  });

  it('reviews a file whole when no diff can be had (406), and says so', async () => {
    const content = 'import subprocess\nsubprocess.call(cmd, shell=True)\n';
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [{ path: 'huge.py', status: 'modified', content }] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.requests.filter((r) => r.path.endsWith('/pulls/2') && r.method === 'GET')).toHaveLength(2);
    expect(github.reviews).toEqual([]);
    const out = lastCheckRun(github);
    expect(out.conclusion).toBe('failure');
    expect(out.summary).toContain('GitHub gave no diff for huge.py');
    expect(out.summary).toContain('no changed line of a known diff to comment on');
    expect(out.summary).toContain('HTTP 406');
  });

  it('skips removed files, follows renames, and reports binary and non-UTF-8 files as skipped', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({
      number: 2,
      headSha: HEAD,
      files: [
        { path: 'gone.py', status: 'removed', patch: '@@ -1 +0,0 @@\n-x = 1' },
        { ...addedFile('new_name.py', VULNERABLE), status: 'renamed', previousPath: 'old_name.py' },
        { path: 'blob.py', status: 'added', patch: '@@ -0,0 +1 @@\n+x', content: Buffer.from([0x78, 0x00, 0x79]) },
        { path: 'latin.py', status: 'added', patch: '@@ -0,0 +1 @@\n+x', content: Buffer.from([0x23, 0xe9, 0x0a]) },
      ],
    });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect((github.reviews[0]!.body.comments as { path: string }[]).map((c) => c.path)).toEqual(['new_name.py']);
    const out = lastCheckRun(github);
    expect(out.summary).toContain('| gone.py | removed by this change |');
    expect(out.summary).toContain('| blob.py | binary file (GitHub reports it as binary) |');
    expect(out.summary).toContain('| latin.py | not valid UTF-8 (first bad byte at offset 1) |');
  });

  it('reviews a fork pull request through the base repository, also when the fork is deleted', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    const fork = pullRequestPayload('opened', 2, HEAD);
    fork.pull_request.head.repo = { ...fork.pull_request.head.repo, full_name: 'someone/Hello-World', fork: true, owner: { login: 'someone' } };
    await app.deliver('pull_request', fork);
    const deleted = pullRequestPayload('synchronize', 2, HEAD);
    deleted.pull_request.head.repo = null;
    await app.deliver('pull_request', deleted);
    expect(github.requests.every((r) => !r.path.includes('someone'))).toBe(true);
    expect(github.checkRuns.size).toBe(2);
    expect(github.reviews).toHaveLength(1);
  });

  it('sends annotations 50 per request', async () => {
    const lines = ['import subprocess', ...Array.from({ length: 120 }, (_, i) => `subprocess.call(c${i}, shell=True)`)];
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('many.py', lines)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const batches = github.checkRunUpdates.map((u) => ((u.body.output as { annotations?: unknown[] }).annotations ?? []).length);
    // 30 are inline comments; only the other 90 are annotated, so none shows twice.
    expect(batches).toEqual([50, 40]);
    expect(github.checkRunUpdates.map((u) => (u.body.output as { title: string }).title)).toEqual(Array(2).fill('120 security findings (120 high)'));
    expect(github.checkRunUpdates.map((u) => u.body.status ?? null)).toEqual([null, 'completed']);
    const inline = new Set((github.reviews[0]!.body.comments as { line: number }[]).map((c) => c.line));
    const annotated = github.checkRunUpdates.flatMap((u) => ((u.body.output as { annotations?: { start_line: number }[] }).annotations ?? []).map((a) => a.start_line));
    expect(annotated.filter((l) => inline.has(l))).toEqual([]);
    expect(new Set([...inline, ...annotated]).size).toBe(120);
    expect((github.reviews[0]!.body.comments as unknown[]).length).toBe(30);
    expect(lastCheckRun(github).summary).toContain('over the limit of 30 inline comments per review (max_comments)');
  });

  it('re-runs the review when the check run is re-requested', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    const payload = examplePayload('check_run', 'rerequested');
    payload.check_run.name = 'diffsec';
    payload.check_run.external_id = '2';
    payload.check_run.head_sha = HEAD;
    payload.repository.name = REPO;
    payload.repository.owner.login = OWNER;
    await app.deliver('check_run', payload);
    expect(github.checkRuns.size).toBe(1);
    expect(github.reviews).toHaveLength(1);
  });

  it('refuses an event without an installation, saying why', async () => {
    const github = new GitHubApiDouble(OWNER, REPO);
    app = await new AppHarness(github).start();
    const payload = pullRequestPayload('opened', 2, HEAD);
    delete payload.installation;
    await app.deliver('pull_request', payload);
    expect(github.calls()).toEqual([]);
    expect(app.logs.some((l) => l.level === 'error' && String(l.message).includes('without an installation'))).toBe(true);
  });
});
