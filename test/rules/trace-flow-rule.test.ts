import { scanSource } from '../../src/analysis/scan-source.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { validateRule } from '../../src/rules/validate-rule.js';
import { ruleDoc } from '../helpers/make-rule.js';

/** A flow rule's document: `sink(...)`'s arguments, sources named like secrets, the given sanitizers. */
const sinkRuleDoc = (sanitizers: unknown[]) =>
  ruleDoc({
    mode: 'flow',
    query: '(call function: (identifier) @callee arguments: (argument_list) @sink (#eq? @callee "sink")) @finding',
    where: {},
    message: '`{source}` reaches `{callee}`.',
    sources: [{ query: '(identifier) @value', where: { value: { 'is-secret-name': true } }, 'indirect-only': true }],
    sanitizers,
  });

/** A flow rule: `sink(...)`'s arguments, sources named like secrets, `mask(...)` a sanitizer. */
const rule = validateRule(sinkRuleDoc([{ calls: ['mask'] }]), 'rules/secrets/DS999-flow-test.yaml', 'secrets');
const compiled = compileRules([rule]);

describe('flow rules in a scan', () => {
  it('reports the sink with the path from the source, and names the source in the message', () => {
    const source = 'def f(password):\n    info = {"p": password}\n    msg = "x %s" % info\n    sink(msg)\n';
    const [finding, ...rest] = scanSource('app.py', source, compiled).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 4, message: '`password` reaches `sink`.' });
    expect(finding!.flow).toEqual([
      { path: 'app.py', line: 2, column: 18, label: 'password' },
      { path: 'app.py', line: 2, column: 5, label: 'info' },
      { path: 'app.py', line: 3, column: 5, label: 'msg' },
      { path: 'app.py', line: 4, column: 5, label: 'sink' },
    ]);
  });

  it('stays clean through a sanitizer, and leaves a source written in the sink to one-expression rules (indirect-only)', () => {
    const masked = 'def f(password):\n    msg = mask(password)\n    sink(msg)\n';
    const direct = 'def f(password):\n    sink(password)\n';
    expect(scanSource('app.py', masked, compiled).findings).toEqual([]);
    expect(scanSource('app.py', direct, compiled).findings).toEqual([]);
  });

  it('gives no flow field to findings of ordinary rules', () => {
    const plain = compileRules([validateRule(ruleDoc(), 'rules/x/DS901-os-system-call.yaml', 'input-validation')]);
    const [finding] = scanSource('app.py', 'import os\nos.system(cmd)\n', plain).findings;
    expect(finding).toBeDefined();
    expect('flow' in finding!).toBe(false);
  });

  it('compiles a source or sanitizer list only for a file where its text occurs', () => {
    // The sanitizer's query names no node type of the grammar: compiling it throws. Unvalidated
    // (validation would compile it), the rule runs until some file needs its sanitizers.
    const broken = validateRule(
      sinkRuleDoc([{ query: '(no_such_node function: (identifier) @m (#eq? @m "scrub")) @value' }]),
      'rules/secrets/DS998-flow-lazy.yaml',
      'secrets',
    );
    const lazy = compileRules([broken], { validate: false });
    const flow = 'def f(password):\n    msg = "x %s" % password\n    sink(msg)\n';
    expect(scanSource('app.py', flow, lazy).findings).toMatchObject([{ line: 3, message: '`password` reaches `sink`.' }]);
    // The sanitizer stands on a path that carries the source (a same-file helper returning its
    // argument): sanitizers are asked only of traces that reach a source without them.
    const scrubbed = 'def scrub(value):\n    return value\n\ndef f(password):\n    msg = scrub(password)\n    sink(msg)\n';
    const scan = (() => {
      try {
        return scanSource('app.py', scrubbed, lazy);
      } catch (error) {
        return { findings: [], errors: [(error as Error).message] };
      }
    })();
    expect(scan.errors.join('\n')).toMatch(/no_such_node|NodeType/);
    expect(() => compileRules([broken])).toThrow(/sanitizers\[0\]\.query/);
  });
});

