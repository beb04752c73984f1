import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { bundledRulesDir } from '../../src/package-root.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { writeRuleSnapshot } from '../../src/rules/rule-snapshot.js';
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

/** Rewrites a snapshot's documents, keeping its digest: what loadRules returns then shows whether it read the snapshot. */
function tamper(snapshot: string, edit: (doc: Record<string, unknown>) => void): void {
  const data = JSON.parse(readFileSync(snapshot, 'utf8')) as { documents: Record<string, unknown>[] };
  data.documents.forEach(edit);
  writeFileSync(snapshot, JSON.stringify(data));
}

describe('rule snapshot', () => {
  it('loads the bundled rules exactly as parsing their YAML does', () => {
    const snapshot = join(tempDir(), 'rules.json');
    expect(writeRuleSnapshot(bundledRulesDir(), snapshot)).toBe(true);
    const fromYaml = loadRules(bundledRulesDir());
    expect(fromYaml.length).toBeGreaterThan(30);
    expect(loadRules(bundledRulesDir(), { snapshot })).toEqual(fromYaml);
  });

  it('is used instead of the YAML while the folder is unchanged', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    writeRuleSnapshot(dir, snapshot);
    tamper(snapshot, (doc) => (doc.title = 'from the snapshot'));
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('from the snapshot');
    expect(loadRules(dir)[0]!.title).toBe('os.system call');
  });

  it('is ignored once a rule file is edited, added or removed', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    writeRuleSnapshot(dir, snapshot);
    tamper(snapshot, (doc) => (doc.title = 'from the snapshot'));

    writeFileSync(join(dir, RULE), stringify(ruleDoc({ title: 'edited' })));
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('edited');

    writeFileSync(join(dir, RULE), stringify(ruleDoc()));
    expect(loadRules(dir, { snapshot })[0]!.title).toBe('from the snapshot');
    writeFileSync(join(dir, 'classics/DS902-other.yaml'), stringify(ruleDoc({ id: 'DS902', name: 'other' })));
    expect(loadRules(dir, { snapshot }).map((r) => r.title)).toEqual(['os.system call', 'os.system call']);
  });

  it('still validates what it holds, naming the file', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    writeRuleSnapshot(dir, snapshot);
    tamper(snapshot, (doc) => (doc.severity = 'catastrophic'));
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

  it('is not written when a file does not parse, and an old one is removed', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) });
    const snapshot = join(tempDir(), 'rules.json');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(true);
    writeFileSync(join(dir, 'classics/DS902-x.yaml'), 'id: [unclosed');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(false);
    expect(existsSync(snapshot)).toBe(false);
    expect(() => loadRules(dir, { snapshot })).toThrow(/DS902-x\.yaml: field '\(yaml\)'/);
  });

  it('is not written when the YAML holds what JSON cannot (.inf)', () => {
    const dir = rulesDir({ [RULE]: stringify(ruleDoc()) + 'limit: .inf\n' });
    const snapshot = join(tempDir(), 'rules.json');
    expect(writeRuleSnapshot(dir, snapshot)).toBe(false);
    expect(existsSync(snapshot)).toBe(false);
  });
});
