import { scanSource } from '../../src/analysis/scan-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { selectRules } from '../../src/rules/select-rules.js';
import { validateRule } from '../../src/rules/validate-rule.js';
import { ruleDoc } from '../helpers/make-rule.js';

const bundled = loadRules(bundledRulesDir());
const lines = (source: string, ids: string[], config = DEFAULT_CONFIG) =>
  scanSource('app.py', source, compileRules(selectRules(bundled, { ...config, rules: { ...config.rules, only: ids } })))
    .findings.filter((f) => !f.suppressed)
    .map((f) => `${f.ruleId}:${f.line}`);

describe('the config extends the flow rules', () => {
  it('secret_names: a project word counts as a secret in DS205\'s sources', () => {
    const source = 'import logging\nLOG = logging.getLogger(__name__)\n\ndef f(vault_blob):\n    info = {"blob": vault_blob}\n    LOG.debug("got %s", info)\n    LOG.debug("got %s", vault_blob)\n';
    const config = { ...parseConfig({ flow: { secret_names: ['vault_blob'] } }) };
    const on = (c: typeof config) => ({ ...c, rules: { ...c.rules, enable: ['DS205'] } });
    expect(lines(source, ['DS205'], on(DEFAULT_CONFIG))).toEqual([]);
    // Line 7 names the secret in the call itself: left to DS201 (indirect-only).
    expect(lines(source, ['DS205'], on(config))).toEqual(['DS205:6']);
  });

  it('sanitizers: a project function stops every flow rule', () => {
    const source = 'from acme import text\n\ndef f(cursor, name):\n    sql = "SELECT * FROM t WHERE n = \'%s\'" % text.scrub(name)\n    cursor.execute(sql)\n';
    const plain = source.replace('text.scrub(name)', 'name');
    expect(lines(plain, ['DS140'])).toEqual(['DS140:5']);
    expect(lines(source, ['DS140'])).toEqual(['DS140:5']);
    expect(lines(source, ['DS140'], parseConfig({ flow: { sanitizers: ['acme.text.scrub'] } }))).toEqual([]);
  });

  it('steps: a helper from another module carries its arguments', () => {
    const source = 'from acme.cmd import build\n\ndef f(ssh, volume):\n    cmd = build("lvs %s" % volume)\n    ssh.exec_command(cmd)\n';
    expect(lines(source, ['DS141'])).toEqual([]);
    expect(lines(source, ['DS141'], parseConfig({ flow: { steps: ['acme.cmd.build'] } }))).toEqual(['DS141:5']);
  });

  it('user_visible_errors: a project exception whose message users read is a DS303 sink', () => {
    const source = [
      'from acme import exception',
      'from ironicclient import exc as ironic_exc',
      '',
      'def rebuild(client, node_id):',
      '    try:',
      '        client.node.rebuild(node_id)',
      '    except ironic_exc.BadRequest as e:',
      '        reason = str(e)',
      '        raise exception.TenantFault(reason=reason)',
      '',
    ].join('\n');
    expect(lines(source, ['DS303'])).toEqual([]);
    expect(lines(source, ['DS303'], parseConfig({ flow: { user_visible_errors: ['acme.exception.TenantFault'] } }))).toEqual(['DS303:9']);
    // Another of the project's exceptions is not made a sink by that entry.
    expect(lines(source.replace('TenantFault(', 'InternalFault('), ['DS303'], parseConfig({ flow: { user_visible_errors: ['acme.exception.TenantFault'] } }))).toEqual([]);
  });

  it('trusted_errors: the text of a project exception written for users is no source', () => {
    const source = [
      'import webob.exc',
      'from acme import exception',
      '',
      'def show(api, volume_id):',
      '    try:',
      '        return api.get(volume_id)',
      '    except exception.VolumeNotFound as e:',
      '        msg = "volume: %s" % e',
      '        raise webob.exc.HTTPNotFound(explanation=msg)',
      '',
    ].join('\n');
    expect(lines(source, ['DS303'])).toEqual(['DS303:9']);
    expect(lines(source, ['DS303'], parseConfig({ flow: { trusted_errors: ['acme.exception.*'] } }))).toEqual([]);
  });

  it('leaves the rules as they are when the config adds nothing', () => {
    const selected = selectRules(bundled, parseConfig({ flow: {} }));
    expect(selected.every((r) => bundled.includes(r))).toBe(true);
  });
});

describe('steps: in a rule', () => {
  const rule = validateRule(
    ruleDoc({
      mode: 'flow',
      query: '(call function: (identifier) @callee arguments: (argument_list) @sink (#eq? @callee "sink")) @finding',
      where: {},
      message: '`{source}` reaches `{callee}`.',
      sources: [{ query: '(call function: (identifier) @f (#eq? @f "source")) @value' }],
      steps: [{ calls: ['wrap'] }, { query: '(call function: (attribute attribute: (identifier) @m) (#eq? @m "render")) @value' }],
    }),
    'rules/input-validation/DS998-steps-test.yaml',
    'input-validation',
  );
  const compiled = compileRules([rule]);
  const found = (source: string) => scanSource('app.py', source, compiled).findings.map((f) => f.flow?.map((s) => s.label));

  it('carries a value through a call the layer does not know, by name or by query', () => {
    expect(found('def f():\n    x = wrap(source())\n    sink(x)\n')).toEqual([['source()', 'x', 'sink']]);
    expect(found('def f(t):\n    x = t.render(1, source())\n    sink(x)\n')).toEqual([['source()', 'x', 'sink']]);
  });

  it('does not carry through other calls', () => {
    expect(found('def f():\n    x = other(source())\n    sink(x)\n')).toEqual([]);
  });

  it('is validated like sources and sanitizers', () => {
    expect(() =>
      validateRule(ruleDoc({ mode: 'flow', query: '(call arguments: (argument_list) @sink) @finding', sources: [{ calls: ['s'] }], steps: [{ query: '(call) @x' }] }), 'rules/input-validation/DS997-x.yaml', 'input-validation'),
    ).toThrow(/steps\[0\]\.query/);
  });
});
