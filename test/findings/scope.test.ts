import { scopeOf } from '../../src/findings/scope.js';

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
