import { compileRules } from '../../src/rules/compile-rules.js';
import { RuleError } from '../../src/rules/rule-error.js';
import { validateRule } from '../../src/rules/validate-rule.js';
import { ruleDoc } from '../helpers/make-rule.js';

const FILE = 'rules/secrets/DS999-flow-test.yaml';
const SINK = '(call function: (_) @callee arguments: (argument_list) @sink) @finding';
const SOURCE = { query: '(identifier) @value', where: { value: { 'is-secret-name': true } } };

function flowDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return ruleDoc({ mode: 'flow', query: SINK, where: {}, sources: [SOURCE], message: '`{source}` reaches `{callee}`.', ...overrides });
}

function errorOf(overrides: Record<string, unknown>): string {
  try {
    compileRules([validateRule(flowDoc(overrides), FILE, 'secrets')]);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return (error as Error).message;
  }
  throw new Error('expected a RuleError');
}

describe('flow rules: validation', () => {
  it('accepts a flow rule, with {source} bound, calls shorthand and source flags', () => {
    const rule = validateRule(
      flowDoc({ sanitizers: [{ calls: ['oslo_utils.strutils.mask_password'] }], sources: [{ ...SOURCE, 'field-reads': false, 'indirect-only': true }] }),
      FILE,
      'secrets',
    );
    expect(rule.flow?.sources[0]).toMatchObject({ fieldReads: false, indirectOnly: true, field: 'sources[0]' });
    expect(rule.flow?.sanitizers[0]?.where.callee?.[0]).toMatchObject({ name: 'resolves-to', arg: ['oslo_utils.strutils.mask_password'] });
  });

  it.each([
    [{ mode: 'taint' }, "field 'mode': must be 'flow' when given"],
    [{ query: '(call) @finding' }, "field 'query': a flow rule's query is its sink and must capture the traced value(s) as @sink"],
    [{ sources: undefined }, "field 'sources': is required in a flow rule"],
    [{ sources: [] }, "field 'sources': must be a non-empty list"],
    [{ sources: [{ query: '(identifier) @x' }] }, "field 'sources[0].query': must capture the recognised expression as @value"],
    [{ sources: [{ query: '(identifier) @value', where: { value: { 'is-secret-nam': true } } }] }, "field 'sources[0].where.value.is-secret-nam': unknown predicate"],
    [{ sources: [{ query: '(identifier) @value', where: { other: { 'is-secret-name': true } } }] }, "field 'sources[0].where.other': names a capture the query does not have"],
    [{ sources: [SOURCE, { query: '(identifer) @value' }] }, "field 'sources[1].query': unknown node type at line 1 of the query: (identifer) @value"],
    [{ sources: [{ ...SOURCE, colour: 1 }] }, "field 'sources[0].colour': unknown field"],
    [{ sanitizers: [{ calls: 'mask' }] }, "field 'sanitizers[0].calls': must be a non-empty list of dotted names"],
    [{ sanitizers: [{ query: '(call) @value', 'field-reads': true }] }, "field 'sanitizers[0].field-reads': applies to sources only"],
    [{ sources: [{ ...SOURCE, 'indirect-only': 'yes' }] }, "field 'sources[0].indirect-only': must be true or false"],
  ])('rejects %j naming the field', (overrides, message) => {
    const error = errorOf(overrides);
    expect(error.startsWith(`${FILE}: `)).toBe(true);
    expect(error).toContain(message);
  });

  it('rejects flow fields on a rule without mode: flow', () => {
    expect(() => validateRule(ruleDoc({ sources: [SOURCE] }), FILE, 'secrets')).toThrow("field 'sources': is only for flow rules (mode: flow)");
  });

  it('rejects {source} in the message of a rule that is not a flow rule', () => {
    expect(() => validateRule(ruleDoc({ message: '{source}' }), FILE, 'secrets')).toThrow('placeholder {source} is neither a capture nor bound');
  });
});

describe('flow rules: node: sanitizers', () => {
  it('accepts node: with where on @value, for sanitizers, and runs no query for it', () => {
    const rule = validateRule(flowDoc({ sanitizers: [{ node: 'identifier', where: { value: { 'validated-before': true } } }] }), FILE, 'secrets');
    expect(rule.flow!.sanitizers[0]).toMatchObject({ nodeType: 'identifier', query: '' });
    expect(() => compileRules([rule])).not.toThrow();
  });

  it.each([
    [{ sources: [{ node: 'identifier', where: { value: { 'validated-before': true } } }] }, 'sources[0].node'],
    [{ sanitizers: [{ node: 'identifier', query: '(identifier) @value' }] }, 'sanitizers[0].node'],
    [{ sanitizers: [{ node: 'Identifier!', where: { value: { 'validated-before': true } } }] }, 'sanitizers[0].node'],
    [{ sanitizers: [{ node: 'identifier', where: { other: { 'validated-before': true } } }] }, 'sanitizers[0].where'],
    [{ sanitizers: [{ node: 'identifier' }] }, 'sanitizers[0].where'],
  ])('rejects %j', (overrides, field) => {
    expect(errorOf(overrides)).toContain(field);
  });
});
