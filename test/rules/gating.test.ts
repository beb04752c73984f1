import { readFileSync } from 'node:fs';
import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { makeRule } from '../helpers/make-rule.js';
import { fixturesOf } from '../helpers/rule-fixture.js';

const rules = loadRules(bundledRulesDir());
const key = (f: { ruleId: string; line: number; column: number; message: string }) => `${f.ruleId}:${f.line}:${f.column}:${f.message}`;
const gatedScan = compileRules(rules);
const plainScan = compileRules(rules, { gate: false });

/** Gated and ungated scans of the same source, with every bundled rule. */
function bothScans(source: string): { gated: string[]; plain: string[] } {
  return {
    gated: scanSource('code.py', source, gatedScan).findings.map(key),
    plain: scanSource('code.py', source, plainScan).findings.map(key),
  };
}

describe('text gating', () => {
  it('gates every bundled rule that is not scoped (an ungated rule costs a pass over every file)', () => {
    const ungated = rules.filter((r) => !r.inside && !gatedScan.gated.some((g) => g.rule === r)).map((r) => r.id);
    expect(ungated).toEqual([]);
    expect(gatedScan.ungated()).toBeNull();
  });

  it.each(rules.map((r) => [r.id, r] as const))('loses nothing on the %s fixture', (_id, rule) => {
    const { gated, plain } = bothScans(readFileSync(rule.file.replace(/\.yaml$/, '.py'), 'utf8'));
    expect(plain.length).toBeGreaterThan(0);
    expect(gated).toEqual(plain);
  });

  it.each(rules.flatMap((r) => fixturesOf(r).extras.map((path) => [path.replace(/^.*\//, ''), path] as const)))('loses nothing on the extra fixture %s', (_name, path) => {
    const { gated, plain } = bothScans(readFileSync(path, 'utf8'));
    expect(gated).toEqual(plain);
  });

  it('loses nothing where the text is written unusually', () => {
    // Each line stresses one way a gate could miss a match: spacing and comments inside dotted
    // names, aliases, keywords glued to numbers, non-ASCII neighbours, secrets in keys and
    // attributes, matches spanning lines, nested statements and compound statement headers.
    const source = [
      'import os, subprocess as sp, requests',
      'from os import system as run_shell, popen',
      'from hashlib import md5 as digest',
      'import yaml',
      'LOG = None',
      'def f(cmd, user, password="hunter2secret", é=1):',
      '    os . system(cmd)',
      '    (os  # comment',
      '       .system)(cmd)',
      '    os.\\',
      '        system(cmd)',
      '    run_shell(cmd)',
      '    popen(cmd)',
      '    sp.call(cmd, shell=True)',
      '    x = 1if True else sp.Popen(cmd,',
      '                              shell=True)',
      '    if requests.get("http://internal.corp/a", verify=False): pass',
      '    while digest(user.encode()).hexdigest(): break',
      '    ños = os.system(cmd)',
      '    LOG.debug("login %s %s", user, password)',
      '    LOG.info("x", extra={"Api-Key": user, "cmd": cmd})',
      '    LOG.warning("t %s",',
      '                self.authToken)',
      '    raise ValueError("bad password %s" % password)',
      '    data = yaml.load(open(cmd))',
      '    db_password = "s3cr3t-Value"',
      '    conf = {"admin_password": "Zx9-longpass"}',
      '    url = "https://admin:Passw0rd1@db.internal.corp/x"',
      '    eval(cmd); exec(cmd)',
      '    try:',
      '        pass',
      '    except Exception:',
      '        pass',
      '    assert user',
      '    tmp = open("/tmp/diffsec-x", "w")',
      '    server.bind(("0.0.0.0", 80))',
      'DEBUG = True',
      '',
    ].join('\n');
    const { gated, plain } = bothScans(source);
    expect(new Set(plain.map((k) => k.split(':')[0])).size).toBeGreaterThan(12);
    expect(gated).toEqual(plain);
  });

  it('finds a gated rule through an import alias of its name', () => {
    const rule = makeRule({ where: { callee: { 'resolves-to': ['os.system'] } } });
    const compiled = compileRules([rule]);
    expect(compiled.gated[0]!.gates[0]!.conditions).toContainEqual({ kind: 'names', names: ['os.system'] });
    const source = 'from os import system as run_shell\n\ndef f(x):\n    run_shell(x)\n';
    expect(scanSource('a.py', source, compiled).findings.map((f) => f.line)).toEqual([4]);
  });

  it('starts a rule rooted at a statement-holding node from the outermost such node', () => {
    const rule = makeRule({ query: '(except_clause (block (expression_statement (call function: (_) @callee arguments: (argument_list . (_) @command))))) @finding' });
    const source = 'import os\ntry:\n    pass\nexcept A:\n    try:\n        pass\n    except B:\n        pass\n    os.system(x)\n';
    expect(compileRules([rule]).gated[0]!.gates[0]!.anchor).toEqual({ kind: 'outermost', type: 'except_clause' });
    expect(scanSource('a.py', source, compileRules([rule])).findings.map((f) => f.line)).toEqual([4]);
  });
});
