import Parser from 'tree-sitter';
import { DefinitionIndex } from '../../src/analysis/flow/definition-index.js';
import { parsePython, python } from '../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../src/analysis/syntax.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules, flowMatchersOf } from '../../src/rules/compile-rules.js';
import { compileFlowMatchers, linkJoinedLists } from '../../src/rules/flow-matchers.js';
import type { FlowMatcher } from '../../src/rules/flow-spec.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { JoinedMatches, RegionalMatches } from '../../src/rules/regional-matches.js';
import type { Rule } from '../../src/rules/rule.js';

const matcher = (name: string, indirectOnly = false): FlowMatcher => ({
  query: `((identifier) @value (#eq? @value "${name}"))`,
  where: {},
  fieldReads: false,
  indirectOnly,
  field: 'sources[0]',
});

const flowRule = (id: string, sources: FlowMatcher[]) => ({ id, file: `${id}.yaml`, flow: { sources, sanitizers: [], steps: [] } }) as unknown as Rule;

describe('linkJoinedLists', () => {
  it('reads a list made of other lists whole, in order, as those lists, whatever its flags', () => {
    const a = flowRule('A', [matcher('pw'), matcher('token')]);
    const b = flowRule('B', [matcher('conn')]);
    const joined = flowRule('J', [matcher('pw', true), matcher('token'), matcher('conn')]);
    const reordered = flowRule('R', [matcher('conn'), matcher('token'), matcher('pw')]);
    const more = flowRule('M', [matcher('pw'), matcher('token'), matcher('conn'), matcher('key')]);
    const flows = [a, b, joined, reordered, more].map((r) => compileFlowMatchers(r, (e) => e.message));
    linkJoinedLists(flows);
    const [fa, fb, fj, fr, fm] = flows;
    expect(fj!.sources.parts?.map((p) => p.list)).toEqual([fa!.sources, fb!.sources]);
    // The borrower's own matcher stands at each lent one's place (its `indirect-only` differs).
    expect(fj!.sources.parts![0]!.own.get(fa!.sources.matchers[0]!)).toBe(joined.flow!.sources[0]);
    // Another order, or a matcher no lent list has: matched by its own query.
    expect(fr!.sources.parts).toBeUndefined();
    expect(fm!.sources.parts).toBeUndefined();
    expect(fa!.sources.parts).toBeUndefined();
  });

  it('links the bundled rules that borrow DS205’s and DS211’s sources', () => {
    const rules = loadRules(bundledRulesDir());
    compileRules(rules, { validate: false });
    const byId = new Map(rules.map((r) => [r.id, r]));
    const lent = [byId.get('DS205')!, byId.get('DS211')!].map((r) => flowMatchersOf(r).sources);
    for (const id of ['DS207', 'DS208', 'DS209', 'DS210', 'DS212']) {
      expect(flowMatchersOf(byId.get(id)!).sources.parts?.map((p) => p.list)).toEqual(lent);
    }
    expect(flowMatchersOf(byId.get('DS205')!).sources.parts).toBeUndefined();
  });
});

describe('JoinedMatches', () => {
  const source = 'def f():\n    log(pw, conn)\n\ndef g():\n    log(token)\n';
  const root = parsePython(source).rootNode;
  const functions = new DefinitionIndex(root);
  const regional = (m: FlowMatcher) => {
    const query = new Parser.Query(python, m.query);
    const starts = query.matches(root).map((x) => x.captures[0]!.node);
    return new RegionalMatches(() => starts, functions, (from) =>
      (from === 'everywhere' ? [root] : from).flatMap((n) => query.matches(n)).map((x) => [x.captures[0]!.node, m] as [SyntaxNode, FlowMatcher]),
    );
  };
  const names = (n: string) => root.descendantsOfType('identifier').filter((x) => x.text === n);

  it('gives each part’s matches with the borrower’s own matchers, and tells a listener of those found before and after', () => {
    const [pw, conn] = [matcher('pw'), matcher('conn')];
    const [ownPw, ownConn] = [matcher('pw', true), matcher('conn', true)];
    const pwMatches = regional(pw);
    const connMatches = regional(conn);
    // A rule using the lent list alone finds `pw` in f first.
    expect(pwMatches.get(names('pw')[0]!)).toEqual([pw]);
    const joined = new JoinedMatches([
      { matches: pwMatches, own: new Map([[pw, ownPw]]) },
      { matches: connMatches, own: new Map([[conn, ownConn]]) },
    ]);
    const heard: string[] = [];
    joined.observe((n) => heard.push(n.text));
    expect(heard).toEqual(['pw']);
    expect(joined.get(names('conn')[0]!)).toEqual([ownConn]);
    expect(heard).toEqual(['pw', 'conn']);
    expect(joined.get(names('pw')[0]!)).toEqual([ownPw]);
    expect(joined.get(names('token')[0]!)).toBeUndefined();
    expect([...joined.pending()]).toEqual([]);
  });
});
