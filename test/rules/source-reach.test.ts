import Parser from 'tree-sitter';
import { DefinitionIndex } from '../../src/analysis/flow/definition-index.js';
import { parsePython, python } from '../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../src/analysis/syntax.js';
import type { FlowMatcher } from '../../src/rules/flow-spec.js';
import { RegionalMatches } from '../../src/rules/regional-matches.js';
import { ExactSourceReach, SourceReach, wordOccurs } from '../../src/rules/source-reach.js';

// Sources are identifiers named `pw`; sinks are calls of `sink`.
const SOURCE = `
def helper():
    return pw

def calls_helper():
    sink(helper())

def unrelated():
    sink(other)

class C:
    def setter(self):
        self.secret_attr = pw

    def reader(self):
        sink(self.secret_attr)

    def other_reader(self):
        sink(self.plain)

def uses_module_name():
    sink(DEFAULTS)

def mentions_only():
    sink(x)  # pw (a comment, not a source)
`;

const MATCHER: FlowMatcher = { query: '((identifier) @value (#eq? @value "pw"))', where: {}, fieldReads: true, indirectOnly: false, field: 'sources[0]' };

function setup(source: string) {
  const root = parsePython(source).rootNode;
  const query = new Parser.Query(python, MATCHER.query);
  const all = query.matches(root).map((m) => m.captures[0]!.node);
  const sinks = new Parser.Query(python, '((call function: (identifier) @f) @call (#eq? @f "sink"))').matches(root).map((m) => m.captures.find((c) => c.name === 'call')!.node);
  return { root, all, sinks };
}

describe('ExactSourceReach', () => {
  it.each([
    ['functions, methods and self attributes', SOURCE],
    ['a module-level name', `DEFAULTS = {'p': pw}\n${SOURCE}`],
    ['a module-level statement that defines nothing', `if pw:\n    pass\n${SOURCE}`],
  ])('answers as SourceReach of every source would (%s), matching only the functions it needs', (_, source) => {
    const { root, all, sinks } = setup(source);
    const whole = new SourceReach(all, new DefinitionIndex(root));
    const functions = new DefinitionIndex(root);
    const reach = new ExactSourceReach(functions);
    const query = new Parser.Query(python, MATCHER.query);
    const run = (starts: SyntaxNode[] | 'everywhere') => {
      const nodes = starts === 'everywhere' ? [root] : starts;
      return nodes.flatMap((n) => query.matches(n)).map((m) => [m.captures[0]!.node, MATCHER] as [SyntaxNode, FlowMatcher]);
    };
    // Starts: each source's statement, as anchors would give them.
    const starts = all.map((n) => n.parent!);
    const sources = new RegionalMatches(() => starts, functions, run);
    // The reach is told of each source the matches find, as they find them.
    reach.watch(sources);
    expect(sinks.length).toBe(6);
    for (const sink of sinks) expect(reach.mayReach(sink)).toBe(whole.mayReach(sink));
    // Some sinks reach (a called helper, an attribute set elsewhere), some do not.
    expect(sinks.map((s) => whole.mayReach(s))).toContain(true);
  });

  it('leaves unmatched the functions no sink needs', () => {
    const { root } = setup(SOURCE);
    const functions = new DefinitionIndex(root);
    const query = new Parser.Query(python, MATCHER.query);
    const runs: SyntaxNode[][] = [];
    const run = (starts: SyntaxNode[] | 'everywhere') => {
      const nodes = starts === 'everywhere' ? [root] : starts;
      runs.push(nodes);
      return nodes.flatMap((n) => query.matches(n)).map((m) => [m.captures[0]!.node, MATCHER] as [SyntaxNode, FlowMatcher]);
    };
    const all = query.matches(root).map((m) => m.captures[0]!.node);
    const sources = new RegionalMatches(() => all.map((n) => n.parent!), functions, run);
    // Asking about a node of `unrelated` runs the module level (nothing there) and that function (no starts): no query.
    const inUnrelated = root.descendantsOfType('identifier').find((n) => n.text === 'other')!;
    expect(sources.get(inUnrelated)).toBeUndefined();
    expect(runs).toEqual([]);
    // Asking about `pw` in helper runs helper's starts only.
    const pw = all[0]!;
    expect(sources.get(pw)).toEqual([MATCHER]);
    expect(runs).toHaveLength(1);
  });
});

describe('wordOccurs', () => {
  it('answers as the sets of words the regular expressions collect would', () => {
    const texts = [
      SOURCE,
      'f(x) g (y) h\n(z) k\t\u00a0(w) self.m(a)(b) x.y.z( ) 1abc( é_x( éf( self.self.x self.a_b.c',
      'no call here; a = b + c[d] ; word_ ( myself.x',
      '(((f)))(g)\u2028( h\u3000( i\ufeff( j\u200b( k_\u00e9( f',
      'fin', '', '(', 'a', 'a(', ' a (', 'a\r\n(', 'self.', 'self.x',
    ];
    const words = ['f', 'g', 'h', 'k', 'x', 'm', 'a', 'b', 'z', 'self', 'abc', '_x', 'i', 'j', 'k_', 'fin', 'helper', 'pw', 'secret_attr', 'sink', 'a_b', 'c', 'y', 'word_', 'call'];
    for (const text of texts) {
      const called = new Set(Array.from(text.matchAll(/\b(\w+)\s*\(/g), (m) => m[1]!));
      const selfReads = new Set(Array.from(text.matchAll(/\bself\.(?=(\w+))/g), (m) => m[1]!));
      const all = new Set(text.match(/\w+/g) ?? []);
      for (const word of words) {
        expect([text, word, wordOccurs(text, word, '', true)]).toEqual([text, word, called.has(word)]);
        expect([text, word, wordOccurs(text, word, 'self.', false)]).toEqual([text, word, selfReads.has(word)]);
        expect([text, word, wordOccurs(text, word, '', false)]).toEqual([text, word, all.has(word)]);
      }
    }
  });
});
