import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadRules } from '../../src/rules/load-rules.js';
import { ruleDoc } from '../helpers/make-rule.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function rulesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'diffsec-rules-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('loadRules', () => {
  it('loads rules by family folder', () => {
    const dir = rulesDir({ 'input-validation/DS901-os-system-call.yaml': stringify(ruleDoc()) });
    expect(loadRules(dir).map((r) => [r.id, r.family])).toEqual([['DS901', 'input-validation']]);
  });

  it('names the file when the YAML does not parse', () => {
    const dir = rulesDir({ 'classics/DS901-x.yaml': 'id: [unclosed' });
    expect(() => loadRules(dir)).toThrow(/DS901-x\.yaml: field '\(yaml\)'/);
  });

  it('requires the file stem to be id-name', () => {
    const dir = rulesDir({ 'classics/DS901-other.yaml': stringify(ruleDoc()) });
    expect(() => loadRules(dir)).toThrow(/DS901-other\.yaml: field 'id': file must be named DS901-os-system-call\.yaml/);
  });

  it('rejects a duplicate id naming both files', () => {
    const dir = rulesDir({
      'classics/DS901-os-system-call.yaml': stringify(ruleDoc()),
      'crypto/DS901-os-system-call.yaml': stringify(ruleDoc()),
    });
    expect(() => loadRules(dir)).toThrow(/crypto\/DS901-os-system-call\.yaml: field 'id': DS901 is already used by .*classics\/DS901-os-system-call\.yaml/);
  });
});
