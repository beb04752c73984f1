import { FileAnchors } from '../../src/analysis/anchors.js';
import { ImportMap } from '../../src/analysis/import-map.js';
import { OffsetFinder } from '../../src/analysis/offset-finder.js';
import { parsePython } from '../../src/analysis/python-parser.js';
import { SourceIndex } from '../../src/analysis/source-index.js';
import { Vocabulary } from '../../src/analysis/vocabulary.js';
import type { GatedRule } from '../../src/rules/compile-rules.js';
import type { TextCondition } from '../../src/rules/text-condition.js';

/** The statements a gated rule needing every one of `conditions` is started at, as source text. */
function startsFor(source: string, conditions: TextCondition[]): string[] | 'everywhere' {
  const root = parsePython(source).rootNode;
  const finder = new OffsetFinder(root);
  const anchors = new FileAnchors(root, finder, new SourceIndex(source, new Vocabulary(['alpha', 'beta', 'gamma'])), new ImportMap());
  const gated = { gates: [{ anchor: { kind: 'below-statements' }, conditions }] } as unknown as GatedRule;
  const starts = anchors.forRule(gated);
  return starts === 'everywhere' ? starts : starts.map((node) => node.text);
}

const word = (literal: string): TextCondition => ({ kind: 'literals', literals: [literal], token: true });

describe('FileAnchors.forRule', () => {
  it('starts a pattern only at statements holding every condition it searched for', () => {
    const source = 'x = alpha\ny = alpha + beta\nz = beta\nw = f(alpha,\n      beta)\n';
    expect(startsFor(source, [word('alpha'), word('beta')])).toEqual(['y = alpha + beta', 'w = f(alpha,\n      beta)']);
    expect(startsFor(source, [word('beta'), word('alpha')])).toEqual(['y = alpha + beta', 'w = f(alpha,\n      beta)']);
  });

  it('starts at every occurrence of a lone condition, and nowhere when a condition never occurs', () => {
    const source = 'x = alpha\ny = alpha + beta\n';
    expect(startsFor(source, [word('alpha')])).toEqual(['x = alpha', 'y = alpha + beta']);
    expect(startsFor(source, [word('alpha'), word('gamma')])).toEqual([]);
  });

  it('counts a condition met inside a compound statement’s header, not in its body', () => {
    const source = 'if alpha == beta:\n    pass\nif alpha:\n    beta()\n';
    expect(startsFor(source, [word('alpha'), word('beta')])).toEqual(['alpha == beta']);
  });
});

describe('FileAnchors.startsOf', () => {
  /** Each start's text, with the text from its first to just past its last occurrence. */
  function spans(source: string, conditions: TextCondition[], anchor: object = { kind: 'below-statements' }): string[] | 'everywhere' {
    const root = parsePython(source).rootNode;
    const anchors = new FileAnchors(root, new OffsetFinder(root), new SourceIndex(source, new Vocabulary(['alpha', 'beta', 'gamma'])), new ImportMap());
    const starts = anchors.startsOf({ gates: [{ anchor, conditions }] } as unknown as GatedRule);
    return starts === 'everywhere' ? starts : starts.map((s) => `${s.node.text} [${source.slice(s.from, s.to + source.slice(s.to).search(/\W/))}]`);
  }

  it('spans every occurrence of the rarest condition inside each start, the skipped ones too', () => {
    const source = 'x = beta\ny = f(alpha, 1,\n      alpha) + beta + beta\n';
    // `alpha` is the rarer: the start spans its two occurrences, the second met inside the start the first found.
    expect(spans(source, [word('beta'), word('alpha')])).toEqual(['y = f(alpha, 1,\n      alpha) + beta + beta [alpha, 1,\n      alpha]']);
    expect(spans(source, [word('beta')])).toEqual(['x = beta [beta]', 'y = f(alpha, 1,\n      alpha) + beta + beta [beta + beta]']);
  });

  it('widens an outer start’s span by those of the starts nested in it', () => {
    const source = 'def f():\n    alpha()\n    def g():\n        alpha()\n';
    const starts = spans(source, [word('alpha')], { kind: 'outermost', type: 'function_definition' });
    expect(starts).toEqual([`${source.trimEnd()} [alpha()\n    def g():\n        alpha]`]);
  });

  /** Each start's groups (RuleStart.spans) as [the text from the group's first to just past its last occurrence, the type of the node it is run from]. */
  function groups(source: string, gates: { anchor: object; conditions: TextCondition[] }[]): [string, string][][] {
    const root = parsePython(source).rootNode;
    const anchors = new FileAnchors(root, new OffsetFinder(root), new SourceIndex(source, new Vocabulary(['alpha', 'beta', 'gamma'])), new ImportMap());
    const starts = anchors.startsOf({ gates } as unknown as GatedRule);
    if (starts === 'everywhere') throw new Error('everywhere');
    const text = (from: number, to: number) => source.slice(from, to + source.slice(to).search(/\W/));
    return starts.map((s) => (s.spans ?? []).map((g): [string, string] => [text(g.from, g.to), g.node?.type ?? 'the start']));
  }

  const filler = (n: number) => Array.from({ length: n }, (_, i) => `    x${i} = ${i}\n`).join('');

  it('groups occurrences far apart inside one start, each group run from the anchor its occurrences share', () => {
    // DS208's shape: a class pattern (the base name in the header) and decorated methods deep in the body.
    const source = `class C(alpha):\n${filler(40)}    @beta\n    def f(self):\n        return 1\n${filler(40)}    @beta\n    def g(self):\n        return 2\n`;
    const classGate = { anchor: { kind: 'outermost', type: 'class_definition' }, conditions: [word('alpha')] };
    const methodGate = { anchor: { kind: 'outermost', type: 'decorated_definition' }, conditions: [word('beta')] };
    expect(groups(source, [classGate, methodGate])).toEqual([
      [
        ['alpha', 'class_definition'],
        ['beta', 'decorated_definition'],
        ['beta', 'decorated_definition'],
      ],
    ]);
    // Occurrences of one anchor far apart: groups of the same anchor (nova's ServersController, its base named again at the end).
    const twice = `class C(alpha):\n${filler(40)}    y = alpha\n`;
    expect(groups(twice, [classGate])).toEqual([[['alpha', 'class_definition'], ['alpha', 'class_definition']]]);
    // Close together: one span, no groups.
    expect(groups('class C(alpha):\n    y = alpha\n', [classGate])).toEqual([[]]);
  });

  it('runs a group holding occurrences of different anchors from the start', () => {
    const source = `class C(alpha):\n    @beta\n    def f(self):\n        return 1\n${filler(40)}    @beta\n    def g(self):\n        return 2\n`;
    const classGate = { anchor: { kind: 'outermost', type: 'class_definition' }, conditions: [word('alpha')] };
    const methodGate = { anchor: { kind: 'outermost', type: 'decorated_definition' }, conditions: [word('beta')] };
    expect(groups(source, [classGate, methodGate])).toEqual([[['alpha):\n    @beta', 'the start'], ['beta', 'decorated_definition']]]);
  });
});
