import { scanSource } from '../../src/analysis/scan-source.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { PREDICATES } from '../../src/rules/predicates/index.js';
import type { Predicate } from '../../src/rules/predicates/predicate.js';
import { makeRule } from '../helpers/make-rule.js';

const osSystem = compileRules([makeRule()]);

describe('scanSource', () => {
  it('reports a located finding whose message names the call and the argument', () => {
    const { findings } = scanSource('app.py', 'import os as o\n\no.system(cmd)\n', osSystem);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'DS901',
      path: 'app.py',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 14,
      message: '`o.system` runs `cmd` through a shell.',
      scope: 'file',
      suppressed: null,
      bandit: 'B605',
      ruff: 'S605',
    });
  });

  it('runs several rules in one pass and attributes each match to its rule', () => {
    const evalRule = makeRule({ id: 'DS902', name: 'eval-call', where: { callee: { 'resolves-to': ['eval'] } } });
    const both = compileRules([makeRule(), evalRule]);
    const { findings } = scanSource('a.py', 'import os\nos.system(a)\neval(b)\nprint(c)\n', both);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['DS901', 2],
      ['DS902', 3],
    ]);
  });

  it('marks suppressed findings instead of dropping them', () => {
    const source = 'import os\nos.system(a)  # nosec B605\nos.system(b)  # noqa: S605\nos.system(c)  # nosec B101\nos.system(d)  # diffsec: ignore[DS901] fixed input\n';
    const { findings } = scanSource('a.py', source, osSystem);
    expect(findings.map((f) => f.suppressed)).toEqual([
      { comment: '# nosec B605' },
      { comment: '# noqa: S605' },
      null,
      { comment: '# diffsec: ignore[DS901] fixed input', reason: 'fixed input' },
    ]);
  });

  it('keeps fingerprints when code moves and separates identical lines', () => {
    const a = scanSource('a.py', 'import os\nos.system(x)\nos.system(x)\n', osSystem).findings.map((f) => f.fingerprint);
    const b = scanSource('a.py', 'import os\n\n\n# moved\nos.system(x)\nos.system(x)\n', osSystem).findings.map((f) => f.fingerprint);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
  });

  it('drops matches inside ERROR nodes and says the file had syntax errors', () => {
    const source = 'import os\nos.system(good)\ndef broken(:\n    os.system(bad) +\n';
    const scan = scanSource('a.py', source, osSystem);
    expect(scan.findings.map((f) => f.line)).toEqual([2]);
    expect(scan.errors[0]).toMatch(/syntax errors/);
  });

  it('survives 10,000 levels of nesting', () => {
    const depth = 10_000;
    const source = `import os\nx = ${'('.repeat(depth)}os.system(y)${')'.repeat(depth)}\n`;
    const scan = scanSource('deep.py', source, osSystem);
    expect(scan.findings.map((f) => f.line)).toEqual([2]);
  });

  it('names the rule when a predicate crashes and keeps the other findings', () => {
    const boom: Predicate = { name: 'boom', description: 'throws', checkArg: () => null, test: () => { throw new Error('kaput'); } };
    (PREDICATES as Map<string, Predicate>).set('boom', boom);
    try {
      const crashing = makeRule({ id: 'DS903', name: 'crashing', where: { callee: { boom: true } } });
      const scan = scanSource('a.py', 'import os\nos.system(x)\n', compileRules([crashing, makeRule()]));
      expect(scan.findings.map((f) => f.ruleId)).toEqual(['DS901']);
      expect(scan.errors).toEqual([expect.stringContaining('rule DS903 (rules/test/DS901-os-system-call.yaml) failed at line 2: kaput')]);
    } finally {
      (PREDICATES as Map<string, Predicate>).delete('boom');
    }
  });

  it('builds a whole-line fix from the fix template', () => {
    const rule = makeRule({ fix: 'subprocess.run({command})' });
    const { findings } = scanSource('a.py', 'import os\nif x: os.system(cmd)  # why\n', compileRules([rule]));
    expect(findings[0]!.fix).toEqual({ startLine: 2, endLine: 2, replacement: 'if x: subprocess.run(cmd)  # why' });
  });
});

describe('scanSource with a rule of several patterns', () => {
  it('applies where: predicates only to the patterns that have the capture', () => {
    const rule = makeRule({
      query: '(call function: (_) @callee arguments: (argument_list . (_) @command)) @finding\n(assignment left: (identifier) @target right: (string) @command) @finding',
      where: { callee: { 'resolves-to': ['os.system'] } },
      message: 'runs {command}',
    });
    const { findings } = scanSource('a.py', 'import os\nos.system(a)\nprint(b)\nx = "ls"\n', compileRules([rule]));
    expect(findings.map((f) => f.line)).toEqual([2, 4]);
  });
});

describe('scanSource with a scoped rule', () => {
  it('runs the query only inside the named node types', () => {
    const rule = makeRule({ inside: ['except_clause'], where: {} , message: 'inside except: {command}' });
    const source = 'import os\nos.system(a)\ntry:\n    pass\nexcept Exception:\n    os.system(b)\n    try:\n        pass\n    except ValueError:\n        os.system(c)\n';
    const compiled = compileRules([rule]);
    expect(compiled.scoped).toHaveLength(1);
    expect(scanSource('a.py', source, compiled).findings.map((f) => f.line)).toEqual([6, 10]);
  });

  it('rejects a node type the grammar does not have', () => {
    expect(() => compileRules([makeRule({ inside: ['except_clauses'] })])).toThrow("field 'inside': 'except_clauses' is not a node type of the Python grammar");
  });
});

describe('scanSource with gated rules whose words abound', () => {
  it('finds the same as an ungated scan when one pass over the tree serves them', () => {
    const rule = makeRule({ where: { callee: { 'resolves-to': ['os.system'] } } });
    const source = 'import os\n' + Array.from({ length: 40 }, (_, i) => `os.system(c${i})  # system`).join('\n') + '\n';
    const gated = scanSource('a.py', source, compileRules([rule])).findings.map((f) => f.line);
    const plain = scanSource('a.py', source, compileRules([rule], { gate: false })).findings.map((f) => f.line);
    expect(gated).toEqual(plain);
    expect(gated).toHaveLength(40);
  });
});

describe('suppression comments found by their text', () => {
  it('ignores the words inside strings and reads them after other comments', () => {
    const source = 'import os\nos.system("# nosec")\nos.system(b)  # see below # nosec B605\n';
    expect(scanSource('a.py', source, osSystem).findings.map((f) => [f.line, f.suppressed?.comment ?? null])).toEqual([
      [2, null],
      [3, '# see below # nosec B605'],
    ]);
  });
});

describe('scanSource on hostile files', () => {
  const calls = (n: number) => `import os\nx = ${Array.from({ length: n }, () => 'os.system(a)').join('+')}\n`;

  it('stops at the finding cap, keeping the first findings of the file and saying why', () => {
    const scan = scanSource('many.py', calls(3000), osSystem, { maxFindings: 1000 });
    expect(scan.findings).toHaveLength(1000);
    expect(scan.findings[0]!.column).toBe(5);
    expect(scan.findings.every((f, i) => i === 0 || f.column > scan.findings[i - 1]!.column)).toBe(true);
    expect(scan.incomplete).toBe('partly analysed: stopped after 1,000 findings (the per-file cap)');
  });

  it('keeps every finding, with distinct fingerprints, under the cap, and is not incomplete', () => {
    const scan = scanSource('many.py', calls(500), osSystem);
    expect(scan.findings).toHaveLength(500);
    expect(new Set(scan.findings.map((f) => f.fingerprint)).size).toBe(500);
    expect(scan.incomplete).toBeUndefined();
  });

  it('gives the same fingerprints for a line whatever else the file holds', () => {
    const alone = scanSource('a.py', 'import os\nos.system(x)\n', osSystem).findings[0]!.fingerprint;
    const after = scanSource('a.py', 'import os\nos.system(y)\n\nos.system( x )\n', osSystem).findings[1]!.fingerprint;
    expect(after).toBe(alone);
  });

  it('stops when its time budget is spent and says why', () => {
    const scan = scanSource('slow.py', calls(50), osSystem, { timeBudgetMs: 0 });
    expect(scan.findings).toEqual([]);
    expect(scan.incomplete).toBe('not fully analysed: the scan took longer than its time budget of 0 s');
  });

  it('scans a line of 20,000 findings in bounded time (the per-finding work does not read the line)', () => {
    const started = Date.now();
    const scan = scanSource('many.py', calls(20_000), osSystem, { maxFindings: 20_000 });
    expect(scan.findings).toHaveLength(20_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('gives no fix for a finding on a line too long to quote in a suggestion', () => {
    const rule = compileRules([makeRule({ fix: 'subprocess.run({command})' })]);
    const scan = scanSource('a.py', calls(2000), rule, { maxFindings: 2 });
    expect(scan.findings.map((f) => f.fix)).toEqual([undefined, undefined]);
    expect(scanSource('a.py', calls(2), rule).findings.map((f) => f.fix?.replacement)).toEqual(['x = subprocess.run(a)+os.system(a)', 'x = os.system(a)+subprocess.run(a)']);
  });
});

describe('scanSource with lone CR line endings', () => {
  it('parses them as Python does and reports lines as git counts them (\\n only)', () => {
    const source = 'import os\rdef f():\r    os.system(a)\r\nos.system(b)  # nosec\r';
    const scan = scanSource('cr.py', source, osSystem);
    expect(scan.errors).toEqual([]);
    expect(scan.findings.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.suppressed?.comment ?? null])).toEqual([
      [1, 24, 1, 36, null],
      [2, 1, 2, 13, '# nosec'],
    ]);
    expect(scan.lines).toBe(2);
  });

  it('keeps the suppression of a Python line to that line even when git sees one line', () => {
    const scan = scanSource('cr.py', 'import os\ros.system(a)  # nosec\ros.system(b)\r', osSystem);
    expect(scan.findings.map((f) => [f.line, f.suppressed?.comment ?? null])).toEqual([
      [1, '# nosec'],
      [1, null],
    ]);
  });
});
