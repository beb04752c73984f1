import { capturesOf, topLevelPatterns } from '../../src/rules/query-patterns.js';

describe('topLevelPatterns', () => {
  it('splits a query into its top-level groups, captures after a group kept with it', () => {
    const query = '(call function: (_) @callee) @finding\n\n((identifier) @value (#eq? @value "x"))\n[(string) (integer)] @finding\n(comment)* @c';
    expect(topLevelPatterns(query)).toEqual(['(call function: (_) @callee) @finding', '((identifier) @value (#eq? @value "x"))', '[(string) (integer)] @finding', '(comment)* @c']);
  });

  it('skips brackets inside strings (escaped quotes included) and ; comments', () => {
    const query = '; (not a pattern) @no\n((string) @s (#match? @s "\\\\(\\"[") (#not-match? @s ")]"))\n(identifier) @i';
    expect(topLevelPatterns(query)).toEqual(['((string) @s (#match? @s "\\\\(\\"[") (#not-match? @s ")]"))', '(identifier) @i']);
  });

  it('reads each pattern\'s capture names, not @words inside its strings', () => {
    expect(capturesOf('((call function: (_) @callee) @finding (#match? @callee "@not_a_capture"))')).toEqual(new Set(['callee', 'finding']));
  });
});
