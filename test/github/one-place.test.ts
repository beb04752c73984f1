import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubApiDouble } from '../../src/demo/github-api-double.js';
import { packageRoot } from '../../src/package-root.js';
import { RULES_DOC_URL, ruleDocsAnchor } from '../../src/report/rule-docs-url.js';
import { AppHarness, HEAD, OWNER, REPO, addedFile, pullRequestPayload, rules } from './harness.js';

const VULNERABLE = ['import subprocess', '', 'def run(cmd):', '    subprocess.call(cmd, shell=True)', ''];

type Annotation = { path: string; start_line: number; message: string; title: string };

function annotationsOf(github: GitHubApiDouble): Annotation[] {
  return github.checkRunUpdates.flatMap((u) => ((u.body.output as { annotations?: Annotation[] }).annotations ?? []));
}

function inlineOf(github: GitHubApiDouble): { path: string; line: number; body: string }[] {
  return github.reviews.flatMap((r) => r.body.comments as { path: string; line: number; body: string }[]);
}

/** GitHub's slug of a markdown heading: lower case, punctuation but `-` and `_` dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

describe('one place per finding on the pull request', () => {
  let app: AppHarness;
  afterEach(async () => {
    expect(app.github.unusedFaults).toEqual([]);
    await app.stop();
  });

  it('annotates only the findings that got no inline comment: one with no commentable line, and each after a 422', async () => {
    // b.py's patch is unknown: its finding has no line to comment on and becomes an annotation.
    const unknown = { ...addedFile('b.py', ['import os', 'os.system(cmd)']) };
    delete unknown.patch;
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('a.py', VULNERABLE), unknown] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(inlineOf(github).map((c) => `${c.path}:${c.line}`)).toEqual(['a.py:4']);
    expect(annotationsOf(github).map((a) => `${a.path}:${a.start_line}`)).toEqual(['b.py:2']);
    const summary = (github.checkRunUpdates.at(-1)!.body.output as { summary: string }).summary;
    // The table still lists both.
    expect(summary).toContain('| DS101 | high | high | [a.py:4]');
    expect(summary).toMatch(/\| DS102 \| high \| high \| \[b\.py:2\]/);

    const rejected = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 3, headSha: HEAD, files: [addedFile('a.py', VULNERABLE)] });
    for (let i = 0; i < 2; i++) rejected.fail({ method: 'POST', path: /\/pulls\/3\/reviews$/, status: 422, body: { message: 'Validation Failed', errors: ['pull_request_review_thread.line must be part of the diff'] } });
    await app.stop();
    app = await new AppHarness(rejected).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 3, HEAD));
    expect(rejected.reviews).toEqual([]);
    expect(annotationsOf(rejected).map((a) => `${a.path}:${a.start_line}`)).toEqual(['a.py:4']);
  });

  it('neither comments on nor annotates a finding an earlier review commented on; the table still lists it', async () => {
    const github = new GitHubApiDouble(OWNER, REPO).addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    const next = 'a'.repeat(40);
    github.addPullRequest({ number: 2, headSha: next, files: [addedFile('run.py', ['# moved down', ...VULNERABLE])] });
    const before = github.checkRunUpdates.length;
    await app.deliver('pull_request', pullRequestPayload('synchronize', 2, next));
    expect(github.reviews).toHaveLength(1);
    const second = github.checkRunUpdates.slice(before);
    expect(second.flatMap((u) => (u.body.output as { annotations?: unknown[] }).annotations ?? [])).toEqual([]);
    expect((second.at(-1)!.body.output as { summary: string }).summary).toContain('| DS101 | high | high | [run.py:5]');
  });

  it('annotates every finding when inline comments are off, each linking its rule docs', async () => {
    const github = new GitHubApiDouble(OWNER, REPO, 'inline_comments: false\n').addPullRequest({ number: 2, headSha: HEAD, files: [addedFile('run.py', VULNERABLE)] });
    app = await new AppHarness(github).start();
    await app.deliver('pull_request', pullRequestPayload('opened', 2, HEAD));
    expect(github.reviews).toEqual([]);
    const [annotation] = annotationsOf(github);
    expect(annotation).toMatchObject({ path: 'run.py', start_line: 4, title: 'DS101 Subprocess runs its command through a shell' });
    expect(annotation!.message).toMatch(/\n\nRule docs: https:\/\/github\.com\/diffsec\/diffsec\/blob\/main\/docs\/rules\.md#ds101-subprocess-shell-true$/);
  });

  it('links each rule to a heading that docs/rules.md has', () => {
    const headings = new Set(
      readFileSync(join(packageRoot(), 'docs', 'rules.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('## '))
        .map((l) => slug(l.slice(3))),
    );
    expect(RULES_DOC_URL.endsWith('/docs/rules.md')).toBe(true);
    const missing = rules.map((r) => ruleDocsAnchor(r)).filter((a) => !headings.has(a));
    expect(missing).toEqual([]);
    expect(rules.length).toBeGreaterThan(50);
  });
});
