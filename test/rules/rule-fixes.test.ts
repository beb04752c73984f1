import { readFileSync } from 'node:fs';
import { bundledRulesDir } from '../../src/package-root.js';
import { parsePython } from '../../src/analysis/python-parser.js';
import { scanSource } from '../../src/analysis/scan-source.js';
import type { Finding } from '../../src/findings/finding.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

const rules = loadRules(bundledRulesDir());
const withFix = rules.filter((r) => r.fix !== undefined);

/** The fixture text with one finding's suggestion applied (its lines replaced). */
function applyFix(source: string, fix: NonNullable<Finding['fix']>): string {
  const lines = source.split('\n');
  lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
  return lines.join('\n');
}

describe('every fix suggestion on its rule fixture', () => {
  it('finds rules with fixes', () => {
    expect(withFix.length).toBeGreaterThanOrEqual(7);
  });

  it.each(withFix.map((r) => [r.id, r] as const))('%s: each suggestion parses and silences its finding', (_id, rule) => {
    const path = rule.file.replace(/\.yaml$/, '.py');
    const source = readFileSync(path, 'utf8');
    const compiled = compileRules([rule]);
    const findings = scanSource(path, source, compiled).findings.filter((f) => !f.suppressed);
    const fixed = findings.filter((f) => f.fix);
    expect(fixed.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const finding of fixed) {
      const after = applyFix(source, finding.fix!);
      const where = `${path}:${finding.line}: ${finding.fix!.replacement.trim()}`;
      if (parsePython(after).rootNode.hasError) problems.push(`does not parse: ${where}`);
      const again = scanSource(path, after, compiled).findings.filter((f) => !f.suppressed);
      if (again.some((f) => f.line === finding.line)) problems.push(`still reported: ${where}`);
    }
    expect(problems).toEqual([]);
  });

  it('replaces the first listed capture present in a match (DS601: after the last argument, or inside empty parentheses)', () => {
    const rule = rules.find((r) => r.id === 'DS601')!;
    const source = 'import hashlib\na = hashlib.md5(data)\nb = hashlib.md5()\nc = hashlib.new("md5", data)\n';
    const findings = scanSource('a.py', source, compileRules([rule])).findings;
    expect(findings.map((f) => [f.line, f.fix?.replacement ?? null])).toEqual([
      [2, 'a = hashlib.md5(data, usedforsecurity=False)'],
      [3, 'b = hashlib.md5(usedforsecurity=False)'],
      [4, null],
    ]);
  });
});
