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
