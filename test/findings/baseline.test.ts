import { applyBaseline, BaselineError, parseBaseline, renderBaseline } from '../../src/findings/baseline.js';
import { makeFinding } from '../helpers/make-finding.js';

describe('baseline', () => {
  const a = makeFinding({ path: 'b.py', line: 9, fingerprint: 'aaaaaaaaaaaaaaaa' });
  const b = makeFinding({ path: 'a.py', line: 3, fingerprint: 'bbbbbbbbbbbbbbbb' });
  const silenced = makeFinding({ path: 'a.py', line: 1, fingerprint: 'cccccccccccccccc', suppressed: { comment: '# nosec' } });

  it('holds every unsuppressed finding, by path and line, and reads back', () => {
    const text = renderBaseline([a, b, silenced]);
    const baseline = parseBaseline(text, 'base.json');
    expect(baseline.findings).toEqual([
      { rule: 'DS901', fingerprint: 'bbbbbbbbbbbbbbbb', path: 'a.py', line: 3 },
      { rule: 'DS901', fingerprint: 'aaaaaaaaaaaaaaaa', path: 'b.py', line: 9 },
    ]);
    expect(parseBaseline(renderBaseline([]), 'empty.json').findings).toEqual([]);
  });

  it('drops the findings it holds by rule and fingerprint, whatever their line; stale entries match nothing', () => {
    const baseline = parseBaseline(renderBaseline([a]), 'base.json');
    baseline.findings.push({ rule: 'DS999', fingerprint: 'ffffffffffffffff', path: 'gone.py', line: 1 });
    const moved = { ...a, line: 40 };
    const otherRule = { ...a, ruleId: 'DS902' };
    const { kept, baselined } = applyBaseline([moved, b, otherRule], baseline);
    expect(kept).toEqual([b, otherRule]);
    expect(baselined).toBe(1);
  });

  it('refuses what is not a baseline, naming the file', () => {
    expect(() => parseBaseline('{', 'x.json')).toThrow(BaselineError);
    expect(() => parseBaseline('{"findings": []}', 'x.json')).toThrow(/x\.json: not a diffsec baseline/);
    expect(() => parseBaseline('{"diffsec_baseline": 1, "findings": [{"rule": "DS101"}]}', 'x.json')).toThrow(/findings\[0\] needs/);
  });
});
