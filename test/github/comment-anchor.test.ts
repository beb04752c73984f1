import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { anchorFor } from '../../src/github/comment-anchor.js';
import { renderReviewComment } from '../../src/report/review-comment.js';
import { makeFinding } from '../helpers/make-finding.js';

// Line 3 of a.py is added (a dict gains a password); line 9, where it is logged, is not changed.
const diff = parseUnifiedDiff(['diff --git a/a.py b/a.py', '--- a/a.py', '+++ b/a.py', '@@ -1,4 +1,5 @@', ' a', ' b', '+c', ' d', ' e', ''].join('\n'))[0]!;
const step = (line: number, label: string, path = 'a.py') => ({ path, line, column: 1, label });

describe('anchorFor a flow finding', () => {
  it('goes on the first changed step of the path when the sink\'s lines are not changed', () => {
    const finding = makeFinding({ path: 'a.py', line: 9, endLine: 9, flow: [step(1, 'password'), step(3, 'info'), step(9, 'LOG.debug')] });
    expect(anchorFor(finding, diff)).toEqual({ startLine: 3, line: 3 });
  });

  it('stays on the sink when its line is changed, and finds nothing when no step of this file is', () => {
    expect(anchorFor(makeFinding({ path: 'a.py', line: 3, endLine: 3, flow: [step(1, 'password'), step(3, 'LOG.debug')] }), diff)).toEqual({ startLine: 3, line: 3 });
    expect(anchorFor(makeFinding({ path: 'a.py', line: 9, endLine: 9, flow: [step(3, 'x', 'b.py'), step(9, 'LOG.debug')] }), diff)).toBeNull();
    expect(anchorFor(makeFinding({ path: 'a.py', line: 9, endLine: 9 }), diff)).toBeNull();
  });

  it('makes the comment say where the sink is when it is anchored on a step', () => {
    const finding = makeFinding({ path: 'a.py', line: 9, endLine: 9, flow: [step(3, 'info'), step(9, 'LOG.debug')] });
    expect(renderReviewComment(finding, undefined, { startLine: 3, endLine: 3 })).toContain('reaches the sink at line 9, which it does not change');
    expect(renderReviewComment(finding, undefined, { startLine: 9, endLine: 9 })).not.toContain('reaches the sink at line');
  });
});

describe('anchorFor a finding new in the pull request off its changed lines', () => {
  // A hunk that only deletes: its new side (lines 1-4) is context, none of it added.
  const deletion = parseUnifiedDiff(['diff --git a/a.py b/a.py', '--- a/a.py', '+++ b/a.py', '@@ -1,5 +1,4 @@', ' a', ' b', '-mask(msg)', ' log(msg)', ' d', ''].join('\n'))[0]!;

  it('goes on its own lines when the hunk shows them as context', () => {
    expect(anchorFor(makeFinding({ path: 'a.py', line: 3, endLine: 3, scope: 'new' }), deletion)).toEqual({ startLine: 3, line: 3 });
    expect(anchorFor(makeFinding({ path: 'a.py', line: 2, endLine: 4, scope: 'new' }), deletion)).toEqual({ startLine: 2, line: 4 });
  });

  it('has no anchor outside every hunk (it is listed in the check run), and an outside finding none on context lines', () => {
    expect(anchorFor(makeFinding({ path: 'a.py', line: 9, endLine: 9, scope: 'new' }), deletion)).toBeNull();
    expect(anchorFor(makeFinding({ path: 'a.py', line: 3, endLine: 3, scope: 'outside' }), deletion)).toBeNull();
    // Nor on a step shown as context: the comment would say the pull request changes that step.
    expect(anchorFor(makeFinding({ path: 'a.py', line: 9, endLine: 9, scope: 'new', flow: [step(3, 'msg'), step(9, 'LOG.debug')] }), deletion)).toBeNull();
  });
});
