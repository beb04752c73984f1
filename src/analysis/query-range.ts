import Parser from 'tree-sitter';
import type { RuleStart } from './anchors.js';
import { idOf } from './flow/node-fields.js';
import { parsePython, python } from './python-parser.js';
import type { SyntaxNode } from './syntax.js';

/**
 * The binding (tree-sitter 0.25.x) doubles `endIndex` into bytes (UTF-16: two per character) but
 * passes `startIndex` on as bytes unchanged; a later version may double both. Which it does is
 * tried once on a known tree, and when neither reading holds, ranges are not used at all.
 */
const START_FACTORS = [2, 1];

/** What `from` is multiplied by for `startIndex` (`endIndex` is `to` as it is); null: ranges are not used. */
let startFactor: number | null | undefined;

function detect(): number | null {
  const source = 'a = 1\nbb = 2\ncc = 3\n';
  const tree = parsePython(source);
  const query = new Parser.Query(python, '(identifier) @name');
  const names = (options: { startIndex: number; endIndex: number }) => query.matches(tree.rootNode, options).map((m) => m.captures[0]!.node.text);
  for (const factor of START_FACTORS) {
    const range = (from: number, to: number) => ({ startIndex: factor * from, endIndex: to });
    // Each probe must find exactly the names it covers. Read the other way, the first covers all,
    // and the second a range starting after its end (rejected: the cursor keeps its last range) or too wide.
    if (names(range(0, 20)).join() === 'a,bb,cc' && names(range(13, 14)).join() === 'cc' && names(range(6, 7)).join() === 'bb') return factor;
  }
  return null;
}

/**
 * `query`'s matches inside `node` whose nodes cross the characters [from, to) (a pattern is tried
 * only at nodes holding some of them; its match may reach outside), stopping after
 * `timeoutMicros`; all of the node's matches when the binding's ranges cannot be relied on.
 */
export function matchesCrossing(query: Parser.Query, node: SyntaxNode, from: number, to: number, timeoutMicros: number): Parser.QueryMatch[] {
  if (startFactor === undefined) startFactor = detect();
  // One literal object: spreading a made one costs about a microsecond a call.
  return startFactor ? query.matches(node, { startIndex: startFactor * from, endIndex: to, timeoutMicros }) : query.matches(node, { timeoutMicros });
}

/**
 * `query`'s matches inside a rule's start (see RuleStart): those crossing its span, or, when its
 * occurrences lie in groups far apart, those crossing any group's span, each match once. A call
 * with a deadline (`performance.now()` milliseconds) stops there, keeping what it found.
 */
export function matchesInStart(query: Parser.Query, node: SyntaxNode, start: Pick<RuleStart, 'from' | 'to' | 'spans'>, deadline: number | null): Parser.QueryMatch[] {
  const timeout = () => (deadline === null ? 0 : Math.max(1, Math.ceil((deadline - performance.now()) * 1000)));
  if (!start.spans) return matchesCrossing(query, node, start.from, start.to + 1, timeout());
  const out: Parser.QueryMatch[] = [];
  const seen = new Set<string>();
  for (const span of start.spans) {
    for (const match of matchesCrossing(query, span.node ?? node, span.from, span.to + 1, timeout())) {
      // A match crossing two groups' spans (a class from its header to a method's decorator) is found from each.
      let key = String(match.pattern);
      for (const capture of match.captures) key += `,${capture.name}:${idOf(capture.node)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(match);
    }
    if (deadline !== null && performance.now() >= deadline) break;
  }
  return out;
}
