import { analysePattern, isRootedBelowStatements, requiredTokens } from '../../src/rules/required-tokens.js';
import { makeRule } from '../helpers/make-rule.js';

describe('analysePattern', () => {
  it('knows which captures every match has', () => {
    const { present, mandatory } = analysePattern(`
      (call
        function: [(attribute attribute: (identifier) @m) (identifier) @m (subscript) @s] @callee
        arguments: (argument_list (keyword_argument name: (identifier) @k)? @kw (string)* @strings)) @finding`);
    expect([...present].sort()).toEqual(['callee', 'finding', 'k', 'kw', 'm', 's', 'strings']);
    expect([...mandatory].sort()).toEqual(['callee', 'finding']);
  });

  it('keeps a capture every alternation branch has', () => {
    const { mandatory } = analysePattern('(call function: [(attribute attribute: (identifier) @m) (identifier) @m]) @finding');
    expect(mandatory.has('m')).toBe(true);
  });

  it('reads text predicates with their capture and strings', () => {
    const { predicates } = analysePattern('(call function: (identifier) @f (#any-of? @f "eval" "exec") (#not-eq? @f "x")) @finding ; a comment "no"');
    expect(predicates).toEqual([
      { operator: 'any-of?', capture: 'f', strings: ['eval', 'exec'] },
      { operator: 'not-eq?', capture: 'f', strings: ['x'] },
    ]);
  });
});

describe('requiredTokens', () => {
  it('takes the last part of resolves-to names and literal #eq? strings on mandatory captures', () => {
    const rule = makeRule({ where: { callee: { 'resolves-to': ['os.system', 'os.exec*', 'requests.api.*'] } } });
    const pattern = '(call function: (_) @callee arguments: (argument_list (keyword_argument name: (identifier) @k) (#eq? @k "shell"))) @finding';
    expect(requiredTokens(pattern, rule)).toEqual([
      [
        { word: 'system', parts: ['os', 'system'] },
        { word: 'exec*', parts: ['os', 'exec'] },
        { word: 'api', parts: ['requests', 'api'] },
      ],
      [{ word: 'shell', parts: ['shell'] }],
    ]);
  });

  it('ignores negated predicates, optional captures and #match?', () => {
    const rule = makeRule({ where: { callee: { not: { 'resolves-to': ['os.system'] } } } });
    const pattern = '(call function: (_) @callee arguments: (argument_list (identifier)? @opt (#eq? @opt "x") (#match? @callee "y"))) @finding';
    expect(requiredTokens(pattern, rule)).toEqual([]);
  });
});

describe('isRootedBelowStatements', () => {
  it.each([
    ['(call) @finding', true],
    ['  (assignment left: (_) @a) @finding', true],
    ['(function_definition name: (identifier) @finding)', false],
    ['(try_statement) @finding', false],
    ['[(call) (string)] @finding', false],
    ['(_) @finding', false],
  ])('%s → %s', (pattern, expected) => {
    expect(isRootedBelowStatements(pattern)).toBe(expected);
  });
});
