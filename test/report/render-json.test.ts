import { renderJson, type JsonReport } from '../../src/report/render-json.js';
import { makeFinding, makeStats } from '../helpers/make-finding.js';

describe('renderJson', () => {
  const result = {
    findings: [makeFinding({ scope: 'changed' }), makeFinding({ line: 8, bandit: null, suppressed: { comment: '# nosec B605' } }), makeFinding({ line: 9, suppressed: { comment: '# diffsec: ignore[DS901] ok', reason: 'ok' } })],
    skipped: [{ path: 'e.py', reason: 'empty file' }],
    errors: ['x.py: rule DS901 failed'],
    stats: makeStats({ files: 3, lines: 30, durationMs: 12, outsideDiff: 2, belowThreshold: 1 }),
  };

  it('writes the documented contract, keys in order, suppressed as false or comment and reason', () => {
    const text = renderJson(result, { toolVersion: '9.9.9' });
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as JsonReport;
    expect(Object.keys(report)).toEqual(['version', 'tool', 'findings', 'skipped', 'errors', 'stats']);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'diffsec', version: '9.9.9' });
    expect(report.findings[0]).toEqual({
      rule: 'DS901', name: 'os-system-call', title: 'os.system call', severity: 'high', confidence: 'medium', cwe: 'CWE-78', bandit: 'B605', ruff: 'S605',
      path: 'a.py', line: 3, column: 5, endLine: 3, endColumn: 19, message: '`os.system` runs `cmd` through a shell.', fingerprint: '0123456789abcdef',
      scope: 'changed', suppressed: false,
    });
    expect(report.findings.map((f) => [f.bandit, f.suppressed])).toEqual([
      ['B605', false],
      [null, { comment: '# nosec B605', reason: null }],
      ['B605', { comment: '# diffsec: ignore[DS901] ok', reason: 'ok' }],
    ]);
    expect(report.skipped).toEqual([{ path: 'e.py', reason: 'empty file' }]);
    expect(report.errors).toEqual(['x.py: rule DS901 failed']);
    expect(report.stats).toEqual({ files: 3, lines: 30, durationMs: 12, outsideDiff: 2, belowThreshold: 1, suppressed: 2 });
  });
});

describe('renderJson flow findings', () => {
  it('adds the path of a flow finding as `flow`, after the old keys, and leaves it out of other findings', () => {
    const flow = [
      { path: 'a.py', line: 1, column: 5, label: 'password' },
      { path: 'a.py', line: 2, column: 5, label: 'msg' },
      { path: 'a.py', line: 3, column: 5, label: 'LOG.debug' },
    ];
    const text = renderJson({ findings: [makeFinding({ flow }), makeFinding({ line: 9 })], skipped: [], errors: [], stats: makeStats() }, { toolVersion: '1' });
    const [withFlow, without] = (JSON.parse(text) as JsonReport).findings;
    expect(Object.keys(withFlow!).slice(-3)).toEqual(['scope', 'suppressed', 'flow']);
    expect(withFlow!.flow).toEqual(flow);
    expect('flow' in without!).toBe(false);
  });
});
