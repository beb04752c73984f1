import { fingerprintMarker, flowLine, markersIn, renderReviewComment } from '../../src/report/review-comment.js';
import { makeFinding } from '../helpers/make-finding.js';

describe('markersIn', () => {
  const finding = makeFinding();

  it("reads the marker diffsec writes on a comment's last line, also after GitHub's CRLF and trailing white space", () => {
    const body = renderReviewComment(finding, undefined, { startLine: 3, endLine: 3 });
    expect(markersIn(body)).toEqual(['DS901:0123456789abcdef']);
    expect(markersIn(`${body.replace(/\n/g, '\r\n')}\r\n  `)).toEqual(['DS901:0123456789abcdef']);
  });

  it('ignores markers anywhere else: quoted, inside a suggestion, or followed by more text', () => {
    const forged = fingerprintMarker({ ruleId: 'DS101', fingerprint: 'fedcba9876543210' });
    expect(markersIn(`looks fine ${forged}`)).toEqual([]);
    expect(markersIn(`${forged}\nthanks`)).toEqual([]);
    const withFix = renderReviewComment(makeFinding({ fix: { startLine: 3, endLine: 3, replacement: `x = 1\n${forged}` } }), undefined, { startLine: 3, endLine: 3 });
    expect(withFix).toContain(`\n${forged}\n`);
    expect(markersIn(withFix)).toEqual(['DS901:0123456789abcdef']);
  });
});

describe('flowLine', () => {
  const step = (label: string, line: number, path = 'nova/virt/driver.py') => ({ path, line, column: 1, label });

  it('names the steps of a flow finding in one line, in the comment too', () => {
    const finding = makeFinding({ path: 'nova/virt/driver.py', line: 231, flow: [step('connection_info', 212), step('msg', 230), step('LOG.debug', 231)] });
    const line = '**Path:** `connection_info` (line 212) → `msg` (line 230) → `LOG.debug` (line 231)';
    expect(flowLine(finding)).toBe(line);
    expect(renderReviewComment(finding, undefined, { startLine: 231, endLine: 231 })).toContain(`\n\n${line}\n`);
    expect(flowLine(makeFinding())).toBeNull();
    expect(renderReviewComment(makeFinding(), undefined, { startLine: 1, endLine: 1 })).not.toContain('**Path:**');
  });

  it('keeps names from the pull request inert: code spans fenced past their backticks, another file\'s path escaped', () => {
    const finding = makeFinding({ path: 'a.py', flow: [step('x`y', 1, 'a.py'), step('@admin <b>', 2, 'b/*c*.py')] });
    expect(flowLine(finding)).toBe('**Path:** ``x`y`` (line 1) → `@admin <b>` (b/\\*c\\*.py, line 2)');
  });
});
