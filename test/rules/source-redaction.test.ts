import { scanSource } from '../../src/analysis/scan-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { selectRules } from '../../src/rules/select-rules.js';
import { validateRule } from '../../src/rules/validate-rule.js';
import { ruleDoc } from '../helpers/make-rule.js';

/** A flow rule: `sink(...)`'s arguments, with the given sources. */
const sinkRule = (sources: unknown[]) =>
  validateRule(
    ruleDoc({
      mode: 'flow',
      query: '(call function: (identifier) @callee arguments: (argument_list) @sink (#eq? @callee "sink")) @finding',
      where: {},
      message: '`{source}` reaches `{callee}`.',
      sources,
    }),
    'rules/secrets/DS996-redaction-test.yaml',
    'secrets',
  );
const vault = (extra: Record<string, unknown> = {}) => ({ query: '((identifier) @value (#eq? @value "vault"))', 'field-reads': false, ...extra });
const lines = (rule: ReturnType<typeof sinkRule>, source: string) => scanSource('app.py', source, compileRules([rule])).findings.map((f) => f.line);

describe('redacted-with: the keys that hold a source\'s secrets', () => {
  const copyWithout = (statement: string) => `def f(vault):\n    v = dict(vault)\n    ${statement}\n    sink(v)\n`;

  it('a copy with a listed key removed or masked carries nothing; another key, or a rule without the list, still reports', () => {
    const listed = sinkRule([vault({ 'redacted-with': ['blob', 'keys.private'] })]);
    const plain = sinkRule([vault()]);
    for (const statement of ["del v['blob']", "v.pop('blob', None)", "v['blob'] = '***'", "del v['keys']['private']"]) {
      expect(lines(listed, copyWithout(statement))).toEqual([]);
      expect(lines(plain, copyWithout(statement))).toEqual([4]);
    }
    expect(lines(listed, copyWithout("del v['name']"))).toEqual([4]);
    // The nested path named, not its parent's sibling.
    expect(lines(listed, copyWithout("del v['keys']['public']"))).toEqual([4]);
  });

  it('a secret-named key counts for every source, listed or not', () => {
    expect(lines(sinkRule([vault()]), copyWithout("del v['password']"))).toEqual([]);
  });

  it('applies to the source its matcher recognised, not to another source of the rule', () => {
    const rule = sinkRule([vault({ 'redacted-with': ['blob'] }), { query: '((identifier) @value (#eq? @value "other"))', 'field-reads': false }]);
    expect(lines(rule, 'def f(other):\n    v = dict(other)\n    del v[\'blob\']\n    sink(v)\n')).toEqual([4]);
  });

  it('the rule\'s own secret words (`also:`) count as secret keys', () => {
    const rule = sinkRule([vault(), { query: '(identifier) @value', where: { value: { 'is-secret-name': { also: ['reset_code'] } } } }]);
    expect(lines(rule, copyWithout("del v['reset_code']"))).toEqual([]);
    expect(lines(rule, copyWithout("del v['reset_mode']"))).toEqual([4]);
  });

  it('is validated: sources only, a non-empty list of keys', () => {
    const bad = (doc: Record<string, unknown>) => () => validateRule(ruleDoc(doc), 'rules/secrets/DS995-x.yaml', 'secrets');
    const sink = { mode: 'flow', query: '(call arguments: (argument_list) @sink) @finding', where: {} };
    expect(bad({ ...sink, sources: [vault({ 'redacted-with': [] })] })).toThrow(/sources\[0\]\.redacted-with/);
    expect(bad({ ...sink, sources: [vault({ 'redacted-with': 'data' })] })).toThrow(/non-empty list of keys/);
    expect(bad({ ...sink, sources: [vault({ 'redacted-with': ['a..b'] })] })).toThrow(/redacted-with/);
    expect(bad({ ...sink, sources: [vault()], sanitizers: [{ calls: ['mask'], 'redacted-with': ['data'] }] })).toThrow(/sanitizers\[0\]\.redacted-with.*sources only/);
  });
});

describe('the bundled rules\' redactions', () => {
  const bundled = loadRules(bundledRulesDir());
  const found = (source: string, ids: string[], config = DEFAULT_CONFIG) =>
    scanSource('app.py', source, compileRules(selectRules(bundled, { ...config, rules: { ...config.rules, enable: ids, only: ids } }))).findings.map((f) => `${f.ruleId}:${f.line}`);
  const logged = (statement: string) =>
    `import logging\nLOG = logging.getLogger(__name__)\n\ndef attach(connection_info):\n    info = dict(connection_info)\n    ${statement}\n    LOG.debug("attach %s", info)\n`;

  it('connection info\'s data, listed by DS211, travels with its sources to the rules borrowing them (DS207)', () => {
    expect(found(logged("del info['data']"), ['DS211'])).toEqual([]);
    expect(found(logged("del info['serial']"), ['DS211'])).toEqual(['DS211:7']);
    const raised = "def attach(connection_info):\n    info = dict(connection_info)\n    STATEMENT\n    raise ValueError('bad %s' % info)\n";
    expect(found(raised.replace('STATEMENT', "info.pop('data', None)"), ['DS207'])).toEqual([]);
    expect(found(raised.replace('STATEMENT', "info.pop('serial', None)"), ['DS207'])).toEqual(['DS207:4']);
  });

  it('a project\'s secret_names count as secret keys when redacted', () => {
    const source = logged("del info['vault_blob']");
    expect(found(source, ['DS211'])).toEqual(['DS211:7']);
    expect(found(source, ['DS211'], parseConfig({ flow: { secret_names: ['vault_blob'] } }))).toEqual([]);
  });
});
