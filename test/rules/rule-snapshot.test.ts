import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { engineCode } from '../../src/code-stamp.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules, flowMatchersOf } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { gatesOf } from '../../src/rules/pattern-gate.js';
import type { RuleSnapshot } from '../../src/rules/rule-snapshot.js';
import { writeRuleSnapshot } from '../../src/rules/write-rule-snapshot.js';
import { ruleDoc } from '../helpers/make-rule.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diffsec-snapshot-'));
  made.push(dir);
  return dir;
}

function rulesDir(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const RULE = 'classics/DS901-os-system-call.yaml';

/** Rewrites a snapshot, keeping its digest (and leaving it newer than the code): what loadRules returns then shows whether it read the snapshot. */
function tamper(snapshot: string, edit: (data: RuleSnapshot) => void): void {
  const data = JSON.parse(readFileSync(snapshot, 'utf8')) as RuleSnapshot;
  edit(data);
  writeFileSync(snapshot, JSON.stringify(data));
}

const retitle = (data: RuleSnapshot) => data.rules.forEach((rule) => (rule.title = 'from the snapshot'));

describe('rule snapshot', () => {
  it('loads the bundled rules exactly as loading their YAML does, gates and all', () => {
    const snapshot = join(tempDir(), 'rules.json');
    const fromYaml = loadRules(bundledRulesDir());
    expect(writeRuleSnapshot(bundledRulesDir(), snapshot)).toBe(true);
    expect(fromYaml.length).toBeGreaterThan(30);
    const fromSnapshot = loadRules(bundledRulesDir(), { snapshot });
    expect(fromSnapshot).toEqual(fromYaml);
    // Key order too: the result cache's key is the rules as JSON.
    expect(JSON.stringify(fromSnapshot)).toBe(JSON.stringify(fromYaml));
    const compiled = compileRules(fromSnapshot, { validate: false });
    const fresh = compileRules(fromYaml, { validate: false });
    expect(compiled.gated.map((g) => [g.rule.id, g.gates])).toEqual(fresh.gated.map((g) => [g.rule.id, g.gates]));
    // The flow lists' gates too.
    const flowRule = fromSnapshot.find((rule) => rule.flow && !rule.inside)!;
    expect(flowMatchersOf(flowRule)).toEqual(flowMatchersOf(fromYaml.find((rule) => rule.id === flowRule.id)!));
  });

  it('is used instead of the YAML while the folder and the code are unchanged, its gates too', () => {
    const query = '(call function: (identifier) @callee arguments: (argument_list . (_) @command)) @finding';
    const dir = rulesDir({ [RULE]: stringify(ruleDoc({ query, where: { callee: { 'resolves-to': ['snapshot_only'] } } })) });
    const snapshot = join(tempDir(), 'rules.json');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(true);
    tamper(snapshot, (data) => {
      retitle(data);
      // A query no other test asks for, so its gates are not yet known in this process.
      data.rules[0]!.query = `${query} ; tampered`;
      expect(data.gates).toEqual([[[expect.objectContaining({ conditions: [0] })]]]);
      data.gates = [[null]];
    });
    const [rule] = loadRules(dir, { snapshot });
    expect(rule!.title).toBe('from the snapshot');
    expect(rule!.file).toBe(relative(process.cwd(), join(dir, RULE)));
    expect(gatesOf(rule!)).toBeNull();
    expect(loadRules(dir)[0]!.title).toBe('os.system call');
  });

  it('is ignored once a rule file is edited, added or removed', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    writeRuleSnapshot(dir, snapshot);
    tamper(snapshot, retitle);

    writeFileSync(join(dir, RULE), stringify(ruleDoc({ title: 'edited' })));
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('edited');

    writeFileSync(join(dir, RULE), stringify(ruleDoc()));
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('from the snapshot');
    writeFileSync(join(dir, 'classics/DS902-other.yaml'), stringify(ruleDoc({ id: 'DS902', name: 'other' })));
    expect(loadRules(dir, { snapshot }).map((r) => r.title)).toEqual(['os.system call', 'os.system call']);
  });

  it('is ignored when the engine code is newer than it (rebuilt or edited since), and the rules are validated again', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    writeRuleSnapshot(dir, snapshot);
    tamper(snapshot, retitle);
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('from the snapshot');
    const before = new Date(engineCode().newest - 1000);
    utimesSync(snapshot, before, before);
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('os.system call');
    writeFileSync(join(dir, RULE), stringify(ruleDoc({ severity: 'catastrophic' })));
    expect(() => loadRules(dir, { snapshot })).toThrow(/DS901-os-system-call\.yaml: field 'severity'/);
  });

  it('falls back to the YAML when the snapshot is missing or unreadable', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    expect(loadRules(dir, { snapshot })[0]!.id).toBe('DS901');
    writeFileSync(snapshot, '{"digest": "trunc');
    expect(loadRules(dir, { snapshot })[0]!.id).toBe('DS901');
    writeFileSync(snapshot, 'null');
    expect(loadRules(dir, { snapshot })[0]!.id).toBe('DS901');
  });

  it('is not written when a file does not parse or is not a valid rule, and an old one is removed', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(true);
    writeFileSync(join(dir, 'classics/DS902-x.yaml'), 'id: [unclosed');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(false);
    expect(existsSync(snapshot)).toBe(false);
    expect(() => loadRules(dir, { snapshot })).toThrow(/DS902-x\.yaml: field '\(yaml\)'/);

    writeFileSync(join(dir, 'classics/DS902-x.yaml'), stringify(ruleDoc({ id: 'DS902', name: 'x', severity: 'catastrophic' })));
    expect(writeRuleSnapshot(dir, snapshot)).toBe(false);
    expect(existsSync(snapshot)).toBe(false);
  });

  it('is not written when the YAML holds what JSON cannot (.inf)', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc({ message: 'x' })).replace("message: x", 'message: .inf') });
    const snapshot = join(tempDir(), 'rules.json');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(false);
    expect(existsSync(snapshot)).toBe(false);
  });
});
