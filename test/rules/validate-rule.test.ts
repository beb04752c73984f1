import { compileRules } from '../../src/rules/compile-rules.js';
import { RuleError } from '../../src/rules/rule-error.js';
import { validateRule } from '../../src/rules/validate-rule.js';
import { makeRule, ruleDoc } from '../helpers/make-rule.js';

const FILE = 'rules/x/DS901-os-system-call.yaml';

function errorOf(overrides: Record<string, unknown>): string {
  try {
    validateRule(ruleDoc(overrides), FILE, 'input-validation');
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return (error as Error).message;
  }
  throw new Error('expected a RuleError');
}

describe('validateRule', () => {
  it('accepts a complete rule', () => {
    expect(makeRule()).toMatchObject({ id: 'DS901', family: 'input-validation', bandit: ['B605'] });
  });

  it.each([
    [{ id: 'X1' }, "field 'id': must be DS followed by three digits (got 'X1')"],
    [{ severity: 'critical' }, "field 'severity': must be one of low, medium, high (got \"critical\")"],
    [{ name: 'Use_Safe' }, "field 'name': must be kebab-case"],
    [{ cwe: '78' }, "field 'cwe': must look like CWE-78"],
    [{ title: '' }, "field 'title': is required"],
    [{ bandit: ['602'] }, "field 'bandit': must be a list of codes"],
    [{ colour: 'red' }, "field 'colour': unknown field"],
    [{ query: '(call) @call' }, "field 'query': must capture the reported node as @finding"],
    [{ where: { nothere: { 'is-constant-string': true } } }, "field 'where.nothere': names a capture the query does not have"],
    [{ where: { callee: { 'resolves-too': ['x'] } } }, "field 'where.callee.resolves-too': unknown predicate"],
    [{ where: { callee: { 'resolves-to': 'os.system' } } }, "field 'where.callee.resolves-to': takes a non-empty list of strings"],
    [{ message: 'bad {missing}' }, "field 'message': placeholder {missing} is neither a capture nor bound by a predicate"],
    [
      { query: '(call function: (_) @callee arguments: (argument_list . (_) @command)) @finding\n\n(call function: (_) @callee) @finding' },
      "field 'message': placeholder {command} is not captured by pattern 2 of the query, so its findings would show it as written",
    ],
    [
      { query: '(call function: (_) @callee arguments: (argument_list . (_) @command)) @finding\n((call function: (_) @callee arguments: (_ (_) @command)) @call (#eq? @callee "system"))' },
      "field 'query': pattern 2 does not capture @finding, so it never reports",
    ],
    [{ docs: { why: 'w', fix: 'f', bad: 'b' } }, "field 'docs.good': is required"],
  ])('rejects %j naming the field', (overrides, message) => {
    const error = errorOf(overrides);
    expect(error.startsWith(`${FILE}: `)).toBe(true);
    expect(error).toContain(message);
  });

  it('reads captures pattern by pattern, past strings, comments and predicates', () => {
    const rule = validateRule(
      ruleDoc({
        query: [
          '; a comment with ( and @command in it',
          '((call function: (_) @callee arguments: (argument_list . (_) @command)) @finding (#match? @callee "^os\\.(system|popen\\()$"))',
          '[(call function: (_) @callee arguments: (_ (string) @command)) (await (call function: (_) @callee arguments: (_ (_) @command)))] @finding',
        ].join('\n'),
      }),
      FILE,
      'input-validation',
    );
    expect(rule.message).toBe('`{callee}` runs `{command}` through a shell.');
  });

  it('checks a fix keyed by a capture only against the patterns holding that capture', () => {
    const query = '(call function: (_) @callee arguments: (argument_list . (_) @command)) @finding\n\n(call function: (_) @callee arguments: (argument_list) @args) @finding';
    const message = '`{callee}` runs a command through a shell.';
    expect(validateRule(ruleDoc({ query, message, fix: { command: '[{command}]' } }), FILE, 'input-validation').fix).toEqual({ command: '[{command}]' });
    expect(() => validateRule(ruleDoc({ query, message, fix: '{callee}([{command}])' }), FILE, 'input-validation')).toThrow(
      "field 'fix': placeholder {command} is not captured by pattern 2 of the query",
    );
  });

  it('accepts placeholders bound by a predicate', () => {
    const rule = validateRule(
      ruleDoc({ message: '{secret} is logged', where: { command: { 'mentions-secret': true } } }),
      FILE,
      'secrets',
    );
    expect(rule.message).toBe('{secret} is logged');
  });

  it('reads default: off as opt-in, and refuses other values', () => {
    expect(validateRule(ruleDoc({ default: 'off' }), FILE, 'input-validation').optIn).toBe(true);
    expect(validateRule(ruleDoc({ default: 'on' }), FILE, 'input-validation').optIn).toBeUndefined();
    expect(() => validateRule(ruleDoc({ default: false }), FILE, 'input-validation')).toThrow(/default.*'on' or 'off'/);
  });

  it('rejects a folder that is not a family', () => {
    expect(() => validateRule(ruleDoc(), FILE, 'misc')).toThrow("field '(folder)': 'misc' is not a family");
  });
});

describe('compileRules', () => {
  it('names the rule file and the query line of a bad node type', () => {
    const bad = makeRule({ query: '(call\n  function: (identifer) @callee\n  arguments: (_) @command) @finding' });
    expect(() => compileRules([bad])).toThrow("rules/test/DS901-os-system-call.yaml: field 'query': unknown node type at line 2 of the query: function: (identifer) @callee");
  });

  it('compiles a query on first use when asked not to validate, and names the rule then', () => {
    const bad = makeRule({ query: '(call function: (identifer) @callee arguments: (_) @command) @finding' });
    const compiled = compileRules([bad], { validate: false });
    expect(() => compiled.gated[0]!.query()).toThrow("field 'query': unknown node type");
  });

  it('maps every pattern of the combined query to its rule', () => {
    const twoPatterns = makeRule({ id: 'DS902', name: 'two', query: '(call) @finding\n(string) @finding', where: {}, message: 'two patterns' });
    const compiled = compileRules([makeRule(), twoPatterns], { gate: false });
    const owners = compiled.ungated()!.ruleOfPattern.map((r) => r.id);
    expect(owners).toEqual(['DS901', 'DS902', 'DS902']);
  });
});
