import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadRules } from '../../src/rules/load-rules.js';
import { ruleDoc } from '../helpers/make-rule.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function rulesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'diffsec-shared-'));
  made.push(dir);
  for (const [path, doc] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), stringify(doc));
  }
  return dir;
}

const SINK = '(call function: (_) @callee arguments: (argument_list) @sink) @finding';
const lender = {
  ...ruleDoc({ id: 'DS901', name: 'lender', query: SINK, message: '`{source}` reaches `{callee}`.', where: {} }),
  mode: 'flow',
  sources: [
    { query: '((identifier) @value (#eq? @value "password"))', 'indirect-only': true },
    { query: '((identifier) @value (#eq? @value "connection_info"))', 'field-reads': false },
  ],
  sanitizers: [{ calls: ['oslo_utils.strutils.mask_password'] }],
};
const borrower = (sources: unknown[], extra: Record<string, unknown> = {}) => ({
  ...ruleDoc({ id: 'DS902', name: 'borrower', query: SINK, message: '`{source}` reaches `{callee}`.', where: {} }),
  mode: 'flow',
  sources,
  sanitizers: [{ from: 'DS901' }],
  ...extra,
});

describe('flow rules borrowing another rule\'s lists ({from: DSnnn})', () => {
  it('expands the entry into the lender\'s sources and sanitizers, in place', () => {
    const dir = rulesDir({
      'secrets/DS901-lender.yaml': lender,
      'secrets/DS902-borrower.yaml': borrower([{ query: '((identifier) @value (#eq? @value "token"))' }, { from: 'DS901' }]),
    });
    const [, rule] = loadRules(dir);
    expect(rule!.flow!.sources.map((s) => [s.query, s.indirectOnly, s.fieldReads])).toEqual([
      ['((identifier) @value (#eq? @value "token"))', false, true],
      ['((identifier) @value (#eq? @value "password"))', true, true],
      ['((identifier) @value (#eq? @value "connection_info"))', false, false],
    ]);
    expect(rule!.flow!.sanitizers).toHaveLength(1);
  });

  it('overrides indirect-only on every entry brought in', () => {
    const dir = rulesDir({
      'secrets/DS901-lender.yaml': lender,
      'secrets/DS902-borrower.yaml': borrower([{ from: 'DS901', 'indirect-only': false }]),
    });
    const [lent, rule] = loadRules(dir);
    expect(rule!.flow!.sources.map((s) => s.indirectOnly)).toEqual([false, false]);
    // The lender keeps its own flags.
    expect(lent!.flow!.sources.map((s) => s.indirectOnly)).toEqual([true, false]);
  });

  it('names the file and field when the lender is not a rule of the folder', () => {
    const dir = rulesDir({ 'secrets/DS902-borrower.yaml': borrower([{ from: 'DS999' }]) });
    expect(() => loadRules(dir)).toThrow(/DS902-borrower\.yaml: field 'sources\[0\]\.from': DS999 is not a rule in this folder/);
  });

  it('rejects another field beside from:, and a lender that borrows itself', () => {
    const withField = rulesDir({
      'secrets/DS901-lender.yaml': lender,
      'secrets/DS902-borrower.yaml': borrower([{ from: 'DS901', 'field-reads': false }]),
    });
    expect(() => loadRules(withField)).toThrow(/field 'sources\[0\]\.field-reads': beside from: only indirect-only may be given/);
    const chained = rulesDir({
      'secrets/DS901-lender.yaml': { ...lender, sanitizers: [{ from: 'DS902' }] },
      'secrets/DS902-borrower.yaml': borrower([{ from: 'DS901' }]),
    });
    expect(() => loadRules(chained)).toThrow(/has no sanitizers of its own to share/);
  });
});
