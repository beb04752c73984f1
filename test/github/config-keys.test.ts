import type { Context } from 'probot';
import { parseConfig } from '../../src/config/parse-config.js';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { loadRepoConfig } from '../../src/github/load-repo-config.js';
import { parseYaml } from '../../src/parse-yaml.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, lastCheckRun, pullRequestPayload } from './harness.js';

// Probot's context.config deep-merges the files it reads, and that merge silently drops
// `__proto__` and `constructor` keys: checked as written, they fail like any unknown key.
describe('the app refuses prototype keys in .github/diffsec.yml', () => {
  let app: AppHarness | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it.each([
    ['__proto__:\n  max_comments: 0\n', "'__proto__' is not a known key"],
    ['rules:\n  constructor: {}\n', "'rules.constructor' is not a known key"],
    ['fail_on:\n  __proto__: {severity: low}\n', "'fail_on.__proto__' is not a known key"],
    ['exclude: ["src/../a.py"]\n', "'exclude' has 'src/../a.py' cannot match any path"],
  ])('%j', async (yaml, message) => {
    const github = new GitHubApiDouble(OWNER, REPO, yaml).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', ['import os', 'os.system(cmd)'])] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const out = lastCheckRun(github);
    expect(out).toMatchObject({ conclusion: 'failure', title: 'Invalid diffsec configuration' });
    // The summary escapes Markdown (`\_\_proto\_\_`); the key is named all the same.
    expect(String(out.summary).replace(/\\/g, '')).toContain(message);
    expect(github.reviews).toEqual([]);
  });

  it('still reads a valid config', async () => {
    const github = new GitHubApiDouble(OWNER, REPO, 'exclude: ["a.py"]\n').addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', ['import os', 'os.system(cmd)'])] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(lastCheckRun(github)).toMatchObject({ conclusion: 'success' });
  });
});

describe('loadRepoConfig', () => {
  // The files as the config plugin lists them: the repository's first, then each `_extends`.
  const contextWith = (...yaml: Array<string | null>) =>
    ({
      repo: () => ({ owner: OWNER, repo: REPO }),
      octokit: { config: { get: async () => ({ config: {}, files: yaml.map((y) => ({ config: y === null ? null : parseYaml(y) })) }) } },
    }) as unknown as Context;

  it('merges like Probot: base first, mappings key by key, lists joined', async () => {
    const merged = await loadRepoConfig(contextWith('exclude: [a/]\nfail_on: {severity: low}\n', null, 'exclude: [b/]\nfail_on: {confidence: high}\nmax_comments: 3\n'));
    const config = parseConfig(merged);
    expect(config.exclude.slice(-2)).toEqual(['b/', 'a/']);
    expect(config.failOn).toEqual({ severity: 'low', confidence: 'high' });
    expect(config.maxComments).toBe(3);
    expect(await loadRepoConfig(contextWith(null, null))).toBeNull();
  });

  it("refuses a prototype key in an extended (organisation) file too", async () => {
    await expect(loadRepoConfig(contextWith('max_comments: 3\n', 'rules: {severity: {__proto__: {DS101: low}}}\n'))).rejects.toThrow("'rules.severity.__proto__' is not a known key");
  });
});
