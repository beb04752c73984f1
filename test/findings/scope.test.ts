import type { Finding } from '../../src/findings/finding.js';
import { preferChangedPath, scopeOf } from '../../src/findings/scope.js';

describe('scopeOf', () => {
  const changed = new Set([10, 12]);
  it('is changed when the span touches a changed line', () => {
    expect(scopeOf({ line: 10, endLine: 10 }, changed)).toBe('changed');
    expect(scopeOf({ line: 8, endLine: 12 }, changed)).toBe('changed');
    expect(scopeOf({ line: 11, endLine: 13 }, changed)).toBe('changed');
  });
  it('is outside when it does not', () => {
    expect(scopeOf({ line: 11, endLine: 11 }, changed)).toBe('outside');
    expect(scopeOf({ line: 1, endLine: 9 }, changed)).toBe('outside');
  });
  it('is file when the changed lines are unknown', () => {
    expect(scopeOf({ line: 1, endLine: 1 }, null)).toBe('file');
  });
});

describe('scopeOf a flow finding', () => {
  const changed = new Set([5]);
  const step = (line: number, path = 'nova/virt/driver.py') => ({ path, line, column: 1, label: 'x' });
  const finding = { path: 'nova/virt/driver.py', line: 9, endLine: 9 };

  it('is changed when a step of its path is on a changed line, though the sink is not', () => {
    expect(scopeOf({ ...finding, flow: [step(5), step(7), step(9)] }, changed)).toBe('changed');
  });

  it('is outside when neither the sink nor any step is changed', () => {
    expect(scopeOf({ ...finding, flow: [step(4), step(7), step(9)] }, changed)).toBe('outside');
  });

  it('counts only steps in the finding\'s own file', () => {
    expect(scopeOf({ ...finding, flow: [step(5, 'nova/other.py'), step(9)] }, changed)).toBe('outside');
  });
});

describe('preferChangedPath', () => {
  const step = (line: number, path = 'nova/virt/driver.py') => ({ path, line, column: 1, label: `at ${line}` });
  const base = (): Finding =>
    ({
      path: 'nova/virt/driver.py',
      line: 9,
      endLine: 9,
      message: 'nearest',
      flow: [step(3), step(9)],
      otherFlows: [
        { flow: [step(4, 'nova/other.py'), step(9)], message: 'other file' },
        { flow: [step(5), step(9)], message: 'through 5' },
        { flow: [step(6), step(9)], message: 'through 6' },
      ],
    }) as unknown as Finding;

  it('shows the first other path crossing a changed line, with its message, and keeps the nearest among the others', () => {
    const finding = base();
    preferChangedPath(finding, new Set([5, 6]));
    expect(finding.message).toBe('through 5');
    expect(finding.flow!.map((s) => s.line)).toEqual([5, 9]);
    expect(finding.otherFlows!.map((o) => o.message)).toEqual(['nearest', 'other file', 'through 6']);
    expect(scopeOf(finding, new Set([5, 6]))).toBe('changed');
  });

  it('changes nothing when the nearest path already crosses a changed line, none does, or the whole file is in scope', () => {
    for (const changed of [new Set([3, 5]), new Set([4, 7]), null]) {
      const finding = base();
      preferChangedPath(finding, changed);
      expect(finding.message).toBe('nearest');
      expect(finding.flow!.map((s) => s.line)).toEqual([3, 9]);
    }
  });
});
