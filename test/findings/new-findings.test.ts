import type { FileDiff } from '../../src/diff/file-diff.js';
import { markNewFindings } from '../../src/findings/new-findings.js';
import { makeFinding } from '../helpers/make-finding.js';

const diffOf = (...hunks: Array<Partial<FileDiff['hunks'][number]>>): FileDiff => ({
  path: 'a.py',
  status: 'modified',
  binary: false,
  modeOnly: false,
  hunks: hunks.map((h) => ({ oldStart: 1, oldLines: 0, newStart: 1, newLines: 0, added: [], removed: [], ...h })),
});

describe('markNewFindings', () => {
  const HEAD = ['def f(password):', '    LOG.debug(msg)', '    return 1', ''].join('\n');

  it('marks new a finding whose rule the base did not report on that code: a deleted sanitiser', () => {
    const base = ['def f(password):', '    msg = mask(msg)', '    LOG.debug(msg)', '    return 1', ''].join('\n');
    const finding = makeFinding({ ruleId: 'DS205', line: 2, endLine: 2, scope: 'outside', message: '`msg` reaches `LOG.debug()`.' });
    const marked = markNewFindings([finding], HEAD, { text: base, findings: [] }, diffOf({ oldStart: 1, oldLines: 4, newStart: 1, newLines: 3, removed: [2] }));
    expect(marked).toEqual([finding]);
    expect(finding.scope).toBe('new');
    expect(finding.message).toBe('`msg` reaches `LOG.debug()`. New in this pull request: the base version of this file has no such finding; the nearest change is at lines 1–3 (1 line deleted).');
  });

  it('keeps outside a finding the base has with the same rule and code, wherever it moved and however indented', () => {
    const base = ['x = 1', '', 'def f(password):', 'if True:', '        LOG.debug( msg )', ''].join('\n');
    const finding = makeFinding({ ruleId: 'DS205', line: 2, endLine: 2, scope: 'outside' });
    expect(markNewFindings([finding], HEAD, { text: base, findings: [{ ruleId: 'DS205', line: 5 }] }, diffOf({ newStart: 1, newLines: 1, added: [1] }))).toEqual([]);
    expect(finding.scope).toBe('outside');
    // Another rule on the same code is not the same finding.
    const other = makeFinding({ ruleId: 'DS201', line: 2, endLine: 2, scope: 'outside' });
    expect(markNewFindings([other], HEAD, { text: base, findings: [{ ruleId: 'DS205', line: 5 }] }, diffOf({ newStart: 1, newLines: 1, added: [1] }))).toEqual([other]);
  });

  it('counts identical lines: only those beyond the base count are new, the ones nearest a change first', () => {
    const head = ['LOG.debug(msg)', 'a', 'b', 'c', 'd', 'LOG.debug(msg)', 'e', 'LOG.debug(msg)', ''].join('\n');
    const base = ['LOG.debug(msg)', 'a', 'b', 'c', 'd', 'LOG.debug(msg)', 'e', 'mask()', 'LOG.debug(msg)', ''].join('\n');
    const at = (line: number) => makeFinding({ ruleId: 'DS205', line, endLine: line, scope: 'outside' });
    const findings = [at(1), at(6), at(8)];
    const diff = diffOf({ oldStart: 7, oldLines: 3, newStart: 7, newLines: 2, removed: [8] });
    // The base reported two of the three: one is new, the one next to the deleted line.
    expect(markNewFindings(findings, head, { text: base, findings: [{ ruleId: 'DS205', line: 1 }, { ruleId: 'DS205', line: 6 }] }, diff).map((f) => f.line)).toEqual([8]);
    // A pull request that adds a line like it elsewhere shifts occurrence indexes, not counts.
    const again = [at(1), at(6), at(8)];
    expect(markNewFindings(again, head, { text: base, findings: [{ ruleId: 'DS205', line: 1 }, { ruleId: 'DS205', line: 6 }, { ruleId: 'DS205', line: 9 }] }, diff)).toEqual([]);
  });

  it('names a deletion-only hunk of a zero-context diff by the line it follows', () => {
    const finding = makeFinding({ line: 2, endLine: 2, scope: 'outside', message: 'm.' });
    markNewFindings([finding], HEAD, { text: 'x\n', findings: [] }, diffOf({ oldStart: 2, oldLines: 2, newStart: 1, newLines: 0, removed: [2, 3] }));
    expect(finding.message).toBe('m. New in this pull request: the base version of this file has no such finding; the nearest change is after line 1 (2 lines deleted).');
  });
});
