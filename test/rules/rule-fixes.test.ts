import { readFileSync } from 'node:fs';
import { parsePython } from '../../src/analysis/python-parser.js';
import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

const withFix = loadRules(bundledRulesDir()).filter((r) => r.fix !== undefined);

describe('every suggested fix, applied to its fixture', () => {
  it('finds rules with fixes', () => {
    expect(withFix.length).toBeGreaterThan(0);
  });

  it.each(withFix.map((r) => [r.id, r] as const))('%s: each suggestion parses and is no longer flagged there', (_id, rule) => {
    const source = readFileSync(rule.file.replace(/\.yaml$/, '.py'), 'utf8');
    const compiled = compileRules([rule]);
    const findings = scanSource('fixture.py', source, compiled).findings.filter((f) => f.fix);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      const fix = finding.fix!;
      const lines = source.split('\n');
      lines.splice(fix.startLine - 1, fix.endLine - fix.startLine + 1, ...fix.replacement.split('\n'));
      const fixed = lines.join('\n');
      expect({ line: finding.line, parses: !parsePython(fixed).rootNode.hasError }).toEqual({ line: finding.line, parses: true });
      const after = scanSource('fixture.py', fixed, compiled).findings.filter((f) => !f.suppressed);
      expect({ line: finding.line, stillFlagged: after.some((f) => f.line === finding.line) }).toEqual({ line: finding.line, stillFlagged: false });
    }
  });
});
