import { GitHubApiDouble, type DoubleFile } from '../../src/demo/github-api-double.js';
import { SHEBANG_CHECKS } from '../../src/github/github-source.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, lastCheckRun, pullRequestPayload } from './harness.js';

// The app learns names only from the pull request's file list: an extensionless file's content is
// read (in one GraphQL query, kept for the review) to see whether it is a Python script.
const SCRIPT = ['#!/usr/bin/env python3', 'import subprocess', 'subprocess.call(cmd, shell=True)'];
const BASH = ['#!/bin/bash', 'subprocess.call(cmd, shell=True)'];
const queryOf = (request: { body: unknown }) => String((request.body as { query?: unknown } | null)?.query ?? '');

describe('the app and Python scripts without an extension', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  const review = async (files: DoubleFile[], config?: string) => {
    const github = new GitHubApiDouble(OWNER, REPO, config).addPullRequest({ number: 2, headSha: HEAD, files });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const comments = (github.reviews[0]?.body.comments ?? []) as { path: string }[];
    const blobReads = github.requests.filter((r) => r.path === '/graphql' && queryOf(r).includes('object(expression'));
    return { github, commented: [...new Set(comments.map((c) => c.path))].sort(), blobReads, out: lastCheckRun(github) };
  };

  it('comments on a script with a Python shebang, reading it once; a bash script and a binary are left alone', async () => {
    const { commented, blobReads, out } = await review([
      addedFile('bin/tool', SCRIPT),
      addedFile('bin/run', BASH),
      { path: 'bin/blob', status: 'added', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]) },
      addedFile('app.py', SCRIPT.slice(1)),
    ]);
    expect(commented).toEqual(['app.py', 'bin/tool']);
    // One query finds the script (its text is kept), one reads app.py: bin/tool is not read twice.
    expect(blobReads).toHaveLength(2);
    expect(queryOf(blobReads[0]!).match(/:bin\/\w+/g)).toEqual([':bin/tool', ':bin/run', ':bin/blob']);
    expect(queryOf(blobReads[1]!)).not.toContain('bin/');
    expect(out.summary).not.toContain('bin/run');
  });

  it('reads no content when no file lacks an extension', async () => {
    const { blobReads } = await review([addedFile('app.py', SCRIPT.slice(1)), addedFile('README.md', ['hi'])]);
    expect(blobReads).toHaveLength(1);
  });

  it.each(["include: ['src/**/*.py']\n", "exclude: ['bin/']\n", 'python_shebang: false\n'])('%j: the script is not reviewed, nor read', async (config) => {
    const { commented, blobReads } = await review([addedFile('bin/tool', SCRIPT), addedFile('src/app.py', SCRIPT.slice(1))], config);
    expect(commented).toEqual(['src/app.py']);
    expect(blobReads.map((r) => queryOf(r).includes('bin/tool'))).toEqual([false]);
  });

  it(`checks ${SHEBANG_CHECKS} extensionless files at most and lists the rest as skipped, saying why`, async () => {
    const files = Array.from({ length: SHEBANG_CHECKS + 2 }, (_, i) => addedFile(`data/f${String(i).padStart(3, '0')}`, ['plain text']));
    files.push(addedFile('zz/tool', SCRIPT));
    const { blobReads, out } = await review(files);
    expect(blobReads).toHaveLength(1);
    expect(out.summary).toContain('data/f051');
    expect(out.summary).toContain(`not checked for a Python shebang: the pull request has ${SHEBANG_CHECKS + 3} files without an extension, and the first ${SHEBANG_CHECKS} were checked`);
    expect(out.summary).toContain('zz/tool');
    expect(out.summary).not.toContain('data/f049');
    // Listed, not failed on: the check is not made incomplete by files that may not be Python at all.
    expect(out.conclusion).toBe('success');
  });
});
