import { renderText } from '../../src/report/render-text.js';
import { makeFinding, makeStats } from '../helpers/make-finding.js';

describe('renderText', () => {
  it('prints compiler-style lines, then suppressed, skipped, errors and the summary', () => {
    const text = renderText(
      {
        findings: [
          makeFinding(),
          makeFinding({ path: 'b.py', line: 9, column: 1, severity: 'medium', confidence: 'low', ruleId: 'DS902', message: 'weak hash' }),
          makeFinding({ path: 'c.py', line: 2, suppressed: { comment: '# diffsec: ignore[DS901] constant', reason: 'constant' } }),
        ],
        skipped: [{ path: 'bin.py', reason: 'binary file (contains NUL bytes)' }],
        errors: ['broken.py: syntax errors'],
        stats: makeStats({ files: 12, outsideDiff: 4 }),
      },
      { color: false },
    );
    expect(text).toBe(
      [
        'a.py:3:5: DS901 [high/medium] `os.system` runs `cmd` through a shell.',
        'b.py:9:1: DS902 [medium/low] weak hash',
        '',
        'Suppressed (1):',
        'c.py:2:5: DS901 [high/medium] `os.system` runs `cmd` through a shell. (suppressed by `# diffsec: ignore[DS901] constant`: constant)',
        '',
        'Skipped (1):',
        'bin.py: binary file (contains NUL bytes)',
        '',
        'Errors (1):',
        'broken.py: syntax errors',
        '',
        '2 findings (1 high, 1 medium) in 12 files, 1 suppressed, 1 skipped, 4 outside the diff, 1 error',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing, in the singular where it fits', () => {
    expect(renderText({ findings: [], skipped: [], errors: [], stats: makeStats({ files: 1, belowThreshold: 2 }) }, { color: false })).toBe(
      '0 findings in 1 file, 2 below the report threshold\n',
    );
  });

  it('colours severities and the summary only when asked', () => {
    const result = { findings: [makeFinding()], skipped: [], errors: [], stats: makeStats() };
    expect(renderText(result, { color: false })).not.toContain('\x1b[');
    const coloured = renderText(result, { color: true });
    expect(coloured).toContain('\x1b[31m[high/medium]\x1b[0m');
    expect(coloured).toContain('\x1b[31m1 finding (1 high)\x1b[0m');
  });

  it('escapes control characters from the reviewed code so they cannot drive the terminal', () => {
    const text = renderText(
      { findings: [makeFinding({ path: 'evil\x1b[2J.py', message: 'runs `x\x1b]0;pwned\x07`' })], skipped: [], errors: [], stats: makeStats() },
      { color: false },
    );
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
    expect(text).toContain('evil\\x1b[2J.py:3:5:');
    expect(text).toContain('`x\\x1b]0;pwned\\x07`');
  });
});
