import { fingerprintMarker, markersIn, renderReviewComment } from '../../src/report/review-comment.js';
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
