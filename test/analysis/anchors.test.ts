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
