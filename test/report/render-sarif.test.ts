import { renderSarif } from '../../src/report/render-sarif.js';
import { makeFinding } from '../helpers/make-finding.js';
import { makeRule } from '../helpers/make-rule.js';

/** The slice of SARIF these tests read. */
interface Sarif {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<Record<string, any>> } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
    results: Array<Record<string, any>>;
  }>;
}

describe('renderSarif', () => {
  const rules = [makeRule({ id: 'DS902', name: 'weak-hash', severity: 'medium', confidence: 'low', cwe: 'CWE-328' }), makeRule({ docs: { why: 'Shells parse strings.', fix: 'Use a list.', bad: 'os.system(cmd)\n', good: 'subprocess.run([cmd])', references: ['https://cwe.mitre.org/data/definitions/78.html'] } })];
  const render = (findings = [makeFinding()], extra: { skipped?: { path: string; reason: string }[]; errors?: string[] } = {}): Sarif =>
    JSON.parse(renderSarif({ findings, skipped: extra.skipped ?? [], errors: extra.errors ?? [], rules }, { toolVersion: '1.2.3' })) as Sarif;

  it('is SARIF 2.1.0 from diffsec with every rule that ran, sorted, described for code scanning', () => {
    const sarif = render([]);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = sarif.runs[0]!.tool.driver;
    expect(driver.name).toBe('diffsec');
    expect(driver.version).toBe('1.2.3');
    expect(driver.rules.map((r) => r.id)).toEqual(['DS901', 'DS902']);
    const [ds901, ds902] = driver.rules;
    expect(ds901).toMatchObject({
      id: 'DS901',
      name: 'os-system-call',
      shortDescription: { text: 'os.system call' },
      fullDescription: { text: 'Shells parse strings.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'external/cwe/cwe-78', 'input-validation'], precision: 'medium', 'security-severity': '8.0' },
    });
    expect(ds901!.help.markdown).toContain('## How to fix it\n\nUse a list.');
    expect(ds901!.help.markdown).toContain('```python\nos.system(cmd)\n```');
    expect(ds901!.help.markdown).toContain('## References\n\n- https://cwe.mitre.org/data/definitions/78.html');
    expect(ds901!.help.text).toContain('How to fix: Use a list.');
    expect(ds902!.help.markdown).not.toContain('References');
    expect(ds902).toMatchObject({ defaultConfiguration: { level: 'warning' }, properties: { precision: 'low', 'security-severity': '5.5', tags: ['security', 'external/cwe/cwe-328', 'input-validation'] } });
    expect(sarif.runs[0]!.results).toEqual([]);
  });

  it('gives each finding a rule index, level, relative location and fingerprint', () => {
    const [result] = render([makeFinding({ path: 'src/my app.py', severity: 'low' })]).runs[0]!.results;
    expect(result).toEqual({
      ruleId: 'DS901',
      ruleIndex: 0,
      level: 'note',
      message: { text: '`os.system` runs `cmd` through a shell.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/my%20app.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 19 } } }],
      partialFingerprints: { primaryLocationLineHash: '0123456789abcdef' },
      properties: { severity: 'low', confidence: 'medium', scope: 'file' },
    });
  });

  it('marks suppressed findings with an in-source suppression and its justification', () => {
    const results = render([
      makeFinding({ suppressed: { comment: '# diffsec: ignore[DS901] constant input', reason: 'constant input' } }),
      makeFinding({ line: 4, suppressed: { comment: '# nosec B605' } }),
      makeFinding({ line: 5 }),
    ]).runs[0]!.results;
    expect(results.map((r) => r.suppressions)).toEqual([
      [{ kind: 'inSource', justification: 'constant input', properties: { comment: '# diffsec: ignore[DS901] constant input' } }],
      [{ kind: 'inSource', justification: 'suppressed by # nosec B605', properties: { comment: '# nosec B605' } }],
      undefined,
    ]);
  });

  it('reports skipped files and errors as tool notifications', () => {
    const notes = render([], { skipped: [{ path: 'bin.py', reason: 'binary file (contains NUL bytes)' }], errors: ['x.py: syntax errors'] }).runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => [n.level, n.message.text])).toEqual([
      ['warning', 'Skipped bin.py: binary file (contains NUL bytes)'],
      ['warning', 'x.py: syntax errors'],
    ]);
  });

  it('gives a flow finding its path as codeFlows (source first, one labelled location per step), and others none', () => {
    const flow = [
      { path: 'nova/virt/driver.py', line: 212, column: 5, label: 'connection_info' },
      { path: 'nova/virt/driver.py', line: 230, column: 9, label: 'msg' },
      { path: 'nova/virt/driver.py', line: 231, column: 9, label: 'LOG.debug' },
    ];
    const [plain, flowing] = render([makeFinding(), makeFinding({ line: 231, flow })]).runs[0]!.results;
    expect(plain!.codeFlows).toBeUndefined();
    const locations = flowing!.codeFlows[0].threadFlows[0].locations;
    expect(locations.map((l: any) => [l.location.message.text, l.location.physicalLocation.region.startLine, l.executionOrder])).toEqual([
      ['connection_info', 212, 1],
      ['msg', 230, 2],
      ['LOG.debug', 231, 3],
    ]);
    expect(locations[1].location.physicalLocation).toEqual({ artifactLocation: { uri: 'nova/virt/driver.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 230, startColumn: 9 } });
  });
});
