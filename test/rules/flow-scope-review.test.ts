import { scanSource } from '../../src/analysis/scan-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { FileDiff } from '../../src/diff/file-diff.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { runReview, type ReviewSource } from '../../src/review.js';

const rules = loadRules(bundledRulesDir()).filter((r) => r.id === 'DS205');
// DS205 is off by default: this repository's config turns it on.
const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, enable: ['DS205'] } };

const CODE = [
  'def attach(volume, chap_password):', //                                        1
  '    info = {"target": volume.target}', //                                      2
  '    info["auth_password"] = chap_password', //                                 3
  '    msg = "attaching %s" % info', //                                           4
  '    LOG.debug(msg)', //                                                        5
  '    count = 1', //                                                             6
  '    return count', //                                                          7
  '',
].join('\n');

/** A review of one modified file, `code`, whose diff adds `lines` (a diff of its whole length). */
function changingLines(code: string, lines: number[]): ReviewSource {
  const length = code.split('\n').length - 1;
  const diff: FileDiff = {
    path: 'nova/volume.py',
    status: 'modified',
    binary: false,
    modeOnly: false,
    hunks: [{ oldStart: 1, oldLines: length, newStart: 1, newLines: length, added: lines, removed: [] }],
  };
  return {
    async listFiles() {
      return [{ path: 'nova/volume.py', status: 'modified', diff }];
    },
    async *readFiles() {
      yield { path: 'nova/volume.py', bytes: new TextEncoder().encode(code) };
    },
  };
}

const sourceChanging = (...lines: number[]) => changingLines(CODE, lines);

describe('a flow finding scoped by its path', () => {
  it('is reported when a pull request adds the secret to a dict that an unchanged line logs', async () => {
    const result = await runReview(sourceChanging(3), { config, rules });
    expect(result.findings.map((f) => [f.ruleId, f.line, f.scope])).toEqual([['DS205', 5, 'changed']]);
    expect(result.findings[0]!.flow!.map((s) => [s.line, s.label])).toEqual([
      [3, 'info["auth_password"]'],
      [3, 'info'],
      [4, 'msg'],
      [5, 'LOG.debug'],
    ]);
  });

  it('is not reported when the pull request touches only an unrelated line of the same function', async () => {
    const result = await runReview(sourceChanging(6), { config, rules });
    expect(result.findings).toEqual([]);
    expect(result.stats.outsideDiff).toBe(1);
  });
});

describe('a flow finding with several sources, scoped by the path the pull request changed', () => {
  const TWO_SOURCES = [
    'def attach(volume, chap_password, admin_token):', //                       1
    '    info = {"target": volume.target}', //                                  2
    '    info["auth_password"] = chap_password', //                             3
    '    headers = {"X-Auth-Token": admin_token}', //                           4
    '    msg = "attaching %s with %s" % (info, headers)', //                    5
    '    LOG.debug(msg)', //                                                    6
    '',
  ].join('\n');
  const changing = (...lines: number[]) => changingLines(TWO_SOURCES, lines);

  it.each([3, 4])('shows the path through changed line %i, and the message names that source', async (line) => {
    const result = await runReview(changing(line), { config, rules });
    expect(result.findings.map((f) => [f.ruleId, f.line, f.scope])).toEqual([['DS205', 6, 'changed']]);
    const [finding] = result.findings;
    expect(finding!.flow!.some((step) => step.line === line)).toBe(true);
    const source = finding!.flow![0]!.label;
    expect(finding!.message).toContain(`\`${source}\``);
  });

  it('keeps the nearest path when the pull request changes the sink, and each path when scanning whole files', async () => {
    const onSink = await runReview(changing(6), { config, rules });
    const whole = await runReview({ ...changing(), async listFiles() { return [{ path: 'nova/volume.py', status: 'modified', diff: null }]; } }, { config, rules });
    expect(onSink.findings[0]!.flow).toEqual(whole.findings[0]!.flow);
    // The other paths serve scoping only: a reviewed finding carries the one it shows.
    expect(whole.findings[0]!.otherFlows).toBeUndefined();
    // Both sources are known to the scan's finding: one as its path, the other among the next ones.
    const [scanned] = scanSource('nova/volume.py', TWO_SOURCES, compileRules(rules)).findings;
    const sourceLines = [scanned!.flow![0]!.line, ...scanned!.otherFlows!.map((o) => o.flow[0]!.line)];
    expect(sourceLines.sort()).toEqual([3, 4]);
  });

  it('is not reported when the pull request touches only an unrelated line', async () => {
    const result = await runReview(changing(2), { config, rules });
    expect(result.findings).toEqual([]);
  });
});

describe('a flow finding through a dict entry on a line of its own', () => {
  const ENTRY = [
    'def attach(volume, chap_password):', //            1
    '    value = chap_password', //                    2
    '    info = {', //                                 3
    '        "target": volume.target,', //             4
    '        "auth": value,', //                       5
    '    }', //                                        6
    '    LOG.debug("attaching %s", info)', //          7
    '',
  ].join('\n');
  const changing = (...lines: number[]) => changingLines(ENTRY, lines);

  it('is reported when the pull request adds only the entry that carries the secret', async () => {
    const result = await runReview(changing(5), { config, rules });
    expect(result.findings.map((f) => [f.ruleId, f.line, f.scope])).toEqual([['DS205', 7, 'changed']]);
    expect(result.findings[0]!.flow!.map((s) => [s.line, s.label])).toEqual([
      [2, 'chap_password'],
      [2, 'value'],
      [5, '"auth"'],
      [3, 'info'],
      [7, 'LOG.debug'],
    ]);
  });

  it('names an entry by its key in one short line, however the key is written', async () => {
    const key = `"""auth\n        ${'x'.repeat(80)}"""`;
    const code = ['def attach(chap_password):', '    value = chap_password', '    info = {', `        ${key}: value,`, '    }', '    LOG.debug("attaching %s", info)', ''].join('\n');
    const result = await runReview(changingLines(code, [4, 5]), { config, rules });
    const label = result.findings[0]!.flow![2]!.label;
    expect(label).not.toMatch(/\n/);
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.startsWith('"""auth x')).toBe(true);
  });

  it('is not reported when the pull request changes only another entry of the dict', async () => {
    const result = await runReview(changing(4), { config, rules });
    expect(result.findings).toEqual([]);
  });

  it('leaves a secret-named entry of a dict written in the log call to the one-expression rule', async () => {
    const both = loadRules(bundledRulesDir()).filter((r) => r.id === 'DS205' || r.id === 'DS201');
    const inCall = ['def attach(volume, chap_password):', '    LOG.debug("attaching %s", {', '        "target": volume.target,', '        "auth": chap_password,', '    })', ''].join('\n');
    const source: ReviewSource = {
      async listFiles() {
        return [{ path: 'nova/volume.py', status: 'added', diff: null }];
      },
      async *readFiles() {
        yield { path: 'nova/volume.py', bytes: new TextEncoder().encode(inCall) };
      },
    };
    const result = await runReview(source, { config, rules: both });
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([['DS201', 2]]);
  });
});
