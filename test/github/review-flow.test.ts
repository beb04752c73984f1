import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, pullRequestPayload } from './harness.js';

const VULNERABLE = ['import subprocess', '', 'def run(cmd):', '    subprocess.call(cmd, shell=True)', ''];

describe('a pull request review', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  it('posts one review with an inline comment and a failing check run, in as few calls as it takes', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('app/run.py', VULNERABLE), addedFile('README.md', ['hello'])] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));

    expect(github.calls()).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/diffsec.yml`,
      `GET /repos/${OWNER}/.github/contents/.github/diffsec.yml`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `GET /repos/${OWNER}/${REPO}/pulls/2/files`,
      'POST /graphql',
      `GET /repos/${OWNER}/${REPO}/pulls/2`,
      // Once per process, with the app's own token: who diffsec's earlier comments are by.
      'GET /app',
      `GET /repos/${OWNER}/${REPO}/pulls/2/comments`,
      `POST /repos/${OWNER}/${REPO}/pulls/2/reviews`,
      `PATCH /repos/${OWNER}/${REPO}/check-runs/1000`,
    ]);
    const created = github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))!.body;
    expect(created).toMatchObject({ name: 'diffsec', head_sha: HEAD, status: 'in_progress', external_id: '2' });
    const review = github.reviews[0]!.body as { event: string; commit_id: string; comments: Record<string, unknown>[] };
    expect(review.event).toBe('COMMENT');
    expect(review.commit_id).toBe(HEAD);
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: 'app/run.py', line: 4, side: 'RIGHT' });
    expect(review.comments[0]!.start_line).toBeUndefined();
    const body = String(review.comments[0]!.body);
    expect(body).toContain('**DS101 Subprocess runs its command through a shell** · severity **high** · confidence high');
    expect(body).toContain('`subprocess.call` runs `cmd` through a shell');
    expect(body).toContain('[CWE-78](https://cwe.mitre.org/data/definitions/78.html)');
    expect(body).toMatch(/<!-- diffsec:fp=DS101:[0-9a-f]{16} -->/);
    const done = github.checkRuns.get(1000)!;
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect((done.output as { title: string }).title).toBe('1 security finding (1 high)');
    expect((done.output as { summary: string }).summary).toContain('| DS101 | high | high | [app/run.py:4](https://github.com/Codertocat/Hello-World/blob/' + HEAD + '/app/run.py#L4) |');
    // The finding is an inline comment: the summary's table lists it, no annotation repeats it.
    expect((done.output as { annotations?: unknown[] }).annotations).toBeUndefined();
    expect(body).toContain('[DS101 in the rule docs](https://github.com/diffsec/diffsec/blob/main/docs/rules.md#ds101-subprocess-shell-true)');
    const line = app.logs.find((l) => l.message === 'diffsec: reviewed pull request')!;
    expect(line).toMatchObject({ repo: `${OWNER}/${REPO}`, pr: 2, head: HEAD, files: 1, findings: 1, inline: 1, conclusion: 'failure', apiCalls: 10 });
    expect(JSON.stringify(app.logs)).not.toContain('subprocess.call(cmd');
  });

  it('does not post a finding again on a later push', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const next = 'a'.repeat(40);
    github.addPullRequest({ number: 2, headSha: next, files: [addedFile('run.py', ['# moved down', ...VULNERABLE])] });
    await app.deliver('pull_request', pullRequestPayload('synchronize', 2, next));
    expect(github.reviews).toHaveLength(1);
    const second = [...github.checkRuns.values()][1]!;
    expect(second).toMatchObject({ conclusion: 'failure' });
    expect((second.output as { summary: string }).summary).toContain('already commented on by an earlier diffsec review');
  });

  it('passes a clean change with success and posts no review', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('ok.py', ['import subprocess', 'subprocess.run(["/bin/ls"])'])] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    expect(github.checkRuns.get(1000)).toMatchObject({ conclusion: 'success', output: expect.objectContaining({ title: 'No security findings in the changed lines' }) });
  });

  it('skips drafts unless asked, and reviews them when marked ready', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD, { draft: true }));
    expect(github.checkRuns.size).toBe(0);
    await app.deliver('pull_request', pullRequestPayload('ready_for_review', 2, HEAD));
    expect(github.checkRuns.size).toBe(1);
    expect(github.reviews).toHaveLength(1);
  });

  it('ignores closed pull requests', async () => {
    const github = new GitHubApiDouble(OWNER, REPO);
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('reopened', 2, HEAD, { state: 'closed' }));
    expect(github.calls()).toEqual([]);
  });

  it('does not post when a newer push moved the head, and says so', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    github.setHead(2, 'b'.repeat(40));
    github.addPullRequest({ number: 3, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
    await app.deliver('pull_request', pullRequestPayload('synchronize', 2, HEAD));
    expect(github.reviews).toEqual([]);
  });
});
