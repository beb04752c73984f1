import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

const rules = loadRules(bundledRulesDir()).filter((r) => r.id === 'DS101' || r.id === 'DS102');
const compiled = compileRules(rules);
const scan = (source: string) => scanSource('a.py', source, compiled).findings.map((f) => `${f.line}:${f.ruleId}:${f.suppressed ? 'suppressed' : 'open'}`);

/** Like recent Bandit, a suppression comment counts on any line of the statement holding the finding. */
describe('suppression comments on a multi-line statement', () => {
  const call = (first: string, middle: string, last: string) => `import subprocess\nsubprocess.call(${first}\n    cmd,${middle}\n    shell=True,\n)${last}\n`;

  it.each([
    ['the first line', call('  # nosec B602', '', '')],
    ['a middle line', call('', '  # nosec', '')],
    ['the closing line', call('', '', '  # nosec B602')],
    ['the closing line, diffsec form', call('', '', '  # diffsec: ignore[DS101] constant command')],
    ['the first line, a reason where codes go (Bandit: every test)', call('  # nosec the command is a constant', '', '')],
  ])('on %s', (_where, source) => {
    expect(scan(source)).toEqual(['4:DS101:suppressed']);
  });

  it('does not reach a neighbouring statement or the other rule', () => {
    expect(scan(`import subprocess\nx = 1  # nosec\nsubprocess.call(\n    cmd,\n    shell=True,\n)\ny = 2  # nosec\n`)).toEqual(['5:DS101:open']);
    expect(scan(call('  # nosec B605', '', ''))).toEqual(['4:DS101:open']);
  });

  it("counts on a compound statement's header, not on its body", () => {
    expect(scan('import subprocess\nif subprocess.call(\n    cmd, shell=True\n):  # nosec\n    pass\n')).toEqual(['3:DS101:suppressed']);
    expect(scan('import subprocess\nif x:  # nosec\n    subprocess.call(cmd, shell=True)\n')).toEqual(['3:DS101:open']);
    expect(scan('import subprocess\ndef f():  # nosec\n    subprocess.call(cmd, shell=True)\n')).toEqual(['3:DS101:open']);
  });

  it('stays linear on a statement nested thousands deep (no walk up the tree per finding)', () => {
    const started = performance.now();
    const found = scan(`import os\nx = (${'os.system(a)+'.repeat(3000)}os.system(a)\n)  # nosec\n`);
    expect(found.length).toBeGreaterThanOrEqual(1000); // up to the per-file finding cap
    expect(found.every((f) => f.endsWith(':DS102:suppressed'))).toBe(true);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
