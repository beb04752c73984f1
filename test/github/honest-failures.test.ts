import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import type { Rule } from '../../src/rules/rule.js';
import { makeRule } from '../helpers/make-rule.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, lastCheckRun, pullRequestPayload } from './harness.js';

const VULNERABLE = ['import subprocess', 'subprocess.call(cmd, shell=True)'];

function doubleWith(files: DoubleFile[], config: string | null = null): GitHubApiDouble {
  return new GitHubApiDouble(OWNER, REPO, config).addPullRequest({ number: 2, headSha: HEAD, files });
}

describe('the check is never green when diffsec did not do its job', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  describe('a file diffsec could not analyse', () => {
    // A rule whose query does not compile crashes the engine on every file that has its text.
    const crashing: Rule = { ...makeRule(), query: '(no_such_node_type) @finding' };
    const calls = ['import os', 'os.system(cmd)'];

    it('fails the check by default, naming the file and why', async () => {
      const github = doubleWith([addedFile('ok.py', calls)]);
      app = await new AppHarness(github, { rules: [crashing] }).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      const out = lastCheckRun(github);
      expect(out.conclusion).toBe('failure');
      expect(out.title).toBe('Review incomplete: 1 file not analysed');
      expect(out.summary).toMatch(/This review is incomplete: diffsec could not analyse a file, so the check fails \(on_incomplete: failure\): ok\.py \(analysis failed: /);
      expect(out.summary).toContain('| ok.py | analysis failed: ');
    });

    it('is neutral when the config says on_incomplete: neutral', async () => {
      const github = doubleWith([addedFile('ok.py', calls)], 'on_incomplete: neutral\n');
      app = await new AppHarness(github, { rules: [crashing] }).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      const out = lastCheckRun(github);
      expect(out.conclusion).toBe('neutral');
      expect(out.summary).toContain('on_incomplete: neutral, so this alone does not fail the check');
    });
  });

  describe('an answer of an unexpected shape fails the check, saying what was unexpected', () => {
    const cases: [string, { method: string; path: RegExp; body: unknown }, string][] = [
      ['a file list that is a JSON object', { method: 'GET', path: /\/pulls\/2\/files$/, body: { files: [] } }, 'GitHub answered pulls.listFiles (page 1) with an unexpected shape: an object where a list was expected'],
      ['a listed file without a name', { method: 'GET', path: /\/pulls\/2\/files$/, body: [{ status: 'added' }] }, "file 1's filename is undefined"],
      ['a GraphQL read without a repository', { method: 'POST', path: /^\/graphql$/, body: { data: { repository: null } } }, 'GitHub answered the GraphQL file read with an unexpected shape: repository is null, not an object'],
      ['a GraphQL blob whose text is a number', { method: 'POST', path: /^\/graphql$/, body: { data: { repository: { f0: { text: 5, isBinary: false, isTruncated: false } } } } }, 'f0.text is a number, not text or null'],
      ['a pull request without a head sha', { method: 'GET', path: /\/pulls\/2$/, body: { number: 2, head: {} } }, 'GitHub answered pulls.get with an unexpected shape: head.sha is undefined, not text'],
      ['review comments that are not a list', { method: 'GET', path: /\/pulls\/2\/comments$/, body: { message: 'ok' } }, 'GitHub answered pulls.listReviewComments (page 1) with an unexpected shape'],
      ['a review without an id', { method: 'POST', path: /\/pulls\/2\/reviews$/, body: { id: 'x' } }, 'GitHub answered pulls.createReview with an unexpected shape: id is a string, not a positive whole number'],
    ];
    it.each(cases)('%s', async (_, fault, message) => {
      const github = doubleWith([addedFile('a.py', VULNERABLE)]).fail({ ...fault, status: 200 });
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      const out = lastCheckRun(github);
      expect(out).toMatchObject({ status: 'completed', conclusion: 'failure', title: 'Unexpected answer from GitHub' });
      expect(out.summary).toContain(message);
    });

    it('a blob read that is not a blob', async () => {
      // GraphQL does not find the file by path, so diffsec reads its blob by sha: that answer is wrong too.
      const github = doubleWith([addedFile('a.py', VULNERABLE)])
        .fail({ method: 'POST', path: /^\/graphql$/, status: 200, body: { data: { repository: {} } } })
        .fail({ method: 'GET', path: /\/git\/blobs\//, status: 200, body: { content: 42, encoding: 'base64' } });
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      expect(lastCheckRun(github)).toMatchObject({ conclusion: 'failure', summary: expect.stringContaining('GitHub answered git.getBlob with an unexpected shape: content is a number, not text') });
    });

    it('a check run created without an id: a completed failing run is created in its place', async () => {
      const github = doubleWith([addedFile('a.py', VULNERABLE)]).fail({ method: 'POST', path: /\/check-runs$/, status: 201, body: {} });
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      expect(github.checkRuns.size).toBe(1);
      const out = lastCheckRun(github);
      expect(out).toMatchObject({ status: 'completed', conclusion: 'failure', title: 'diffsec could not finish' });
      expect(out.summary).toContain('GitHub answered checks.create with an unexpected shape: id is undefined');
      expect(github.reviews).toEqual([]);
    });
  });

  it('a 409 on the file list is an error, not an empty pull request', async () => {
    const github = doubleWith([addedFile('a.py', VULNERABLE)]).fail({ method: 'GET', path: /\/pulls\/2\/files$/, status: 409 });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(lastCheckRun(github)).toMatchObject({ conclusion: 'failure', summary: expect.stringContaining('HTTP 409') });
  });

  it('a file GraphQL cannot find by path is read by its blob sha', async () => {
    const github = doubleWith([addedFile('a.py', VULNERABLE)]).fail({ method: 'POST', path: /^\/graphql$/, status: 200, body: { data: { repository: { f0: null } } } });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.calls().filter((c) => c.includes('/git/blobs/'))).toHaveLength(1);
    expect(lastCheckRun(github)).toMatchObject({ conclusion: 'failure', title: '1 security finding (1 high)' });
  });

  it('a GraphQL read that keeps failing fails the check instead of skipping the files', async () => {
    const github = doubleWith([addedFile('a.py', VULNERABLE)]);
    for (let i = 0; i < 4; i++) github.fail({ method: 'POST', path: /^\/graphql$/, status: 502 });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(lastCheckRun(github)).toMatchObject({ conclusion: 'failure', title: 'diffsec could not finish', summary: expect.stringContaining('HTTP 502') });
  });

  describe('a patch that cannot be parsed puts the whole file in scope, and the check says so', () => {
    const content = ['import subprocess', '', 'subprocess.call(cmd, shell=True)', ''].join('\n');
    it.each([
      ['garbage', 'this is not a patch', 'is not a hunk header'],
      ['a binary notice', 'Binary files a/x.py and b/x.py differ', 'is not a hunk header'],
      ['a header that lies about its counts', '@@ -0,0 +1,3 @@\n+import subprocess', 'declares 0 old and 3 new lines but has 0 and 1'],
    ])('%s', async (_, patch, why) => {
      const github = doubleWith([{ path: 'x.py', status: 'modified', patch, content }]);
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      const out = lastCheckRun(github);
      expect(out.conclusion).toBe('failure');
      expect(out.title).toBe('1 security finding (1 high)');
      expect(out.summary).toContain(`The patch GitHub gave for x.py could not be read (`);
      expect(out.summary).toContain(why);
      expect(out.summary).toContain('0 outside the diff');
      expect(out.summary).toContain('no changed line of a known diff to comment on');
    });

    it('a hunk pointing past the end of the file', async () => {
      const github = doubleWith([{ path: 'x.py', status: 'modified', patch: '@@ -0,0 +999999999,2 @@\n+a\n+b', content }]);
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      const out = lastCheckRun(github);
      expect(out).toMatchObject({ conclusion: 'failure', title: '1 security finding (1 high)' });
      expect(out.summary).toContain('The diff of x.py points past the end of the file (4 lines): the whole file was reviewed.');
      expect(out.summary).toContain('0 outside the diff');
    });
  });

  describe('the configuration', () => {
    it('that cannot be read is titled as a read failure, after retries', async () => {
      const github = doubleWith([addedFile('a.py', VULNERABLE)], 'max_comments: 3\n');
      for (let i = 0; i < 4; i++) github.fail({ method: 'GET', path: /\/contents\/\.github\/diffsec\.yml$/, status: 500 });
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      const out = lastCheckRun(github);
      expect(out).toMatchObject({ conclusion: 'failure', title: 'Could not read the diffsec configuration' });
      expect(out.summary).toContain('could not read .github/diffsec.yml: HTTP 500');
      expect(app.sleeps).toEqual([1000, 2000, 4000]);
    });

    it('read after one 500 is used', async () => {
      const github = doubleWith([addedFile('a.py', VULNERABLE)], 'inline_comments: false\n');
      github.fail({ method: 'GET', path: /\/contents\/\.github\/diffsec\.yml$/, status: 500 });
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      expect(github.reviews).toEqual([]);
      expect(lastCheckRun(github).summary).toContain('inline comments are off');
    });

    it('that is not YAML is still titled invalid', async () => {
      const github = doubleWith([addedFile('a.py', VULNERABLE)], 'rules: [unclosed\n');
      app = await new AppHarness(github).start();
      await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
      expect(lastCheckRun(github)).toMatchObject({ conclusion: 'failure', title: 'Invalid diffsec configuration', summary: expect.stringContaining('invalid YAML') });
    });
  });
});
