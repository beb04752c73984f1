import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { renderSarif } from '../../src/report/render-sarif.js';
import { RULES_DOC_URL } from '../../src/report/rule-docs-url.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { makeFinding } from '../helpers/make-finding.js';
import { makeRule } from '../helpers/make-rule.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The SARIF 2.1.0 schema as SchemaStore publishes it (sarif-2.1.0-rtm.5), shipped in
 * @microsoft/jest-sarif. It is written for JSON Schema draft-04, whose only difference that
 * matters to Ajv 8 here is `id` for `$id`; its formats are checked by the small functions below,
 * and its `language` pattern (`…{2}]?$`) is valid only without the `u` flag.
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const path = join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const ajv = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ $id: id as string, ...schema });
}

const validate = sarifValidator();

function expectValid(sarif: unknown): void {
  const ok = validate(sarif);
  expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

interface SarifLog {
  runs: Array<{ tool: { driver: { informationUri: string; rules: Array<{ id: string; helpUri: string }> } }; originalUriBaseIds: Record<string, unknown>; results: Array<Record<string, any>> }>;
}

describe('SARIF against the SARIF 2.1.0 schema', () => {
  it('the validator refuses what the schema forbids (so a pass means something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('validates a run with plain, suppressed and flow findings, skipped files and errors', () => {
    const flow = [
      { path: 'nova/virt/driver.py', line: 212, column: 5, label: 'connection_info' },
      { path: 'nova/virt/driver.py', line: 231, column: 9, label: 'LOG.debug' },
    ];
    const findings = [makeFinding(), makeFinding({ line: 4, suppressed: { comment: '# nosec B605' } }), makeFinding({ path: 'nova/virt/driver.py', line: 231, flow }), makeFinding({ path: '/elsewhere/x y.py' })];
    const text = renderSarif({ findings, skipped: [{ path: 'bin.py', reason: 'binary' }], errors: ['x.py: syntax errors'], rules: [makeRule()] }, { toolVersion: '0.1.0' });
    const sarif = JSON.parse(text) as SarifLog;
    expectValid(sarif);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(run.tool.driver.rules[0]!.helpUri).toBe(`${RULES_DOC_URL}#ds901-os-system-call`);
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
    expect(run.results[2]!.codeFlows[0].threadFlows[0].locations).toHaveLength(2);
    expect(run.results[3]!.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x%20y.py' });
  });

  describe('from the CLI in a repository', () => {
    let repo: TempRepo;
    beforeAll(() => {
      repo = makeRepo();
      repo.write('app/run.py', 'import subprocess\n\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n');
      repo.write('app/keys.py', 'import random\n\n\ndef token():\n    api_key = "%032x" % random.getrandbits(128)\n    return api_key\n');
      repo.commit('app');
    });
    afterAll(() => repo.remove());

    const scan = async (cwd: string, target: string) => {
      const run = await runCli(['scan', '--format', 'sarif', target], { cwd });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      return JSON.parse(run.stdout) as SarifLog;
    };

    it('names files from the repository root and fingerprints them the same from any working folder', async () => {
      const fromRoot = await scan(repo.dir, '.');
      const fromApp = await scan(join(repo.dir, 'app'), '.');
      const fromAppByName = await scan(join(repo.dir, 'app'), 'run.py');
      expectValid(fromRoot);
      const where = (log: SarifLog) => log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.partialFingerprints.primaryLocationLineHash]);
      expect(where(fromRoot).map(([rule, uri]) => [rule, uri])).toEqual([
        ['DS604', 'app/keys.py'],
        ['DS101', 'app/run.py'],
      ]);
      expect(where(fromApp)).toEqual(where(fromRoot));
      expect(where(fromAppByName)).toEqual(where(fromRoot).filter(([, uri]) => uri === 'app/run.py'));
    });
  });
});
