import Parser from 'tree-sitter';
import type { GatedRule } from '../rules/compile-rules.js';
import { HOLDS_STATEMENTS, type Anchor, type PatternGate } from '../rules/pattern-gate.js';
import { isCheap, type TextCondition } from '../rules/text-condition.js';
import type { ImportMap } from './import-map.js';
import { occursWithin } from './lower-bound.js';
import type { OffsetFinder, StopTest } from './offset-finder.js';
import { KEYWORD_OF_NODE_TYPE } from './python-keywords.js';
import { python } from './python-parser.js';
import type { SourceIndex } from './source-index.js';
import type { SyntaxNode } from './syntax.js';

/** A node to start a query from, with its range read once (each read of a node's range is a native call). */
interface Start {
  start: number;
  end: number;
  node: SyntaxNode;
}

/** The first and the last start offsets of some occurrences. */
export interface Span {
  from: number;
  to: number;
  /** For a group of RuleStart.spans: the anchor all its occurrences share, when they do (every match holding one lies inside it). */
  node?: SyntaxNode;
}

/**
 * Where a gated rule's query starts, and the first and last offsets of the occurrences it was
 * started for: each match the rule can have there holds one of them (see FileAnchors.startsOf).
 */
export interface RuleStart extends Span {
  node: SyntaxNode;
  /**
   * Set when the occurrences lie in groups far apart (a class's header and its methods'
   * decorators): each group's span, in order. A match holds an occurrence, so it crosses one of
   * them, and a query run over each need not try every node between; a group whose occurrences
   * share one anchor is run from that anchor (a method's decorators from the method, not the class).
   */
  spans?: Span[];
}

/** A start picked for a rule, with the span of the occurrences it holds and their groups (made per call: anchors are shared by rules). */
interface Picked {
  start: Start;
  from: number;
  to: number;
  /** The occurrences in groups no more than SPAN_GAP apart, each with this anchor (see RuleStart.spans). */
  spans: Span[];
}

/** Counts one more occurrence inside a picked start's anchor (offsets ascend). */
function extend(picked: Picked, offset: number): void {
  picked.to = offset;
  const group = picked.spans[picked.spans.length - 1]!;
  if (offset - group.to <= SPAN_GAP) group.to = offset;
  else picked.spans.push({ from: offset, to: offset, node: picked.start.node });
}

/**
 * Where, in one file, the queries of gated and scoped rules start: from each occurrence of the
 * text a pattern needs, the node that holds every match holding it (see Anchor).
 */
export class FileAnchors {
  /** The anchor found from each offset (null: none), by anchor kind: '' below statements, else the outermost node type. */
  private readonly found = new Map<string, Map<number, Start | null>>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly finder: OffsetFinder,
    private readonly text: SourceIndex,
    private readonly imports: ImportMap,
  ) {}

  /**
   * The nodes to start a gated rule's query from, outermost only (a run covers the nodes inside),
   * in document order; `everywhere` when occurrences abound and one whole-tree pass is cheaper.
   */
  forRule(gated: GatedRule): SyntaxNode[] | 'everywhere' {
    const starts = this.startsOf(gated);
    return starts === 'everywhere' ? starts : starts.map((s) => s.node);
  }

  /**
   * forRule's starts, each with the span of the occurrences of its patterns' rarest conditions
   * inside it. Each condition is necessary, so a match of the rule holds an occurrence of its
   * pattern's rarest one, and lies inside that occurrence's anchor, so inside the start holding
   * the anchor: a query run there need only try the nodes that cross [from, to].
   */
  startsOf(gated: GatedRule): RuleStart[] | 'everywhere' {
    const picked: Picked[] = [];
    for (const gate of gated.gates) {
      const { offsets, others } = this.rarestOccurrences(gate);
      if (offsets.length === 0) continue;
      if (cheaperOverWholeTree(offsets.length, this.text.source)) return 'everywhere';
      const stop = stopFor(gate.anchor);
      // Rules share words, so the anchors of an offset are remembered (per kind of anchor).
      const anchorKey = gate.anchor.kind === 'outermost' ? gate.anchor.type : '';
      let found = this.found.get(anchorKey);
      if (!found) this.found.set(anchorKey, (found = new Map()));
      let coveredUntil = -1;
      let last: Picked | null = null;
      for (const offset of offsets) {
        // Offsets ascend: one inside the last anchor has that anchor (it is outermost of its kind).
        if (offset < coveredUntil) {
          if (last) extend(last, offset);
          continue;
        }
        last = null;
        let start = found.get(offset);
        if (start === undefined) {
          start = this.finder.seek(offset, stop) ? { start: this.finder.start, end: this.finder.end, node: this.finder.node() } : null;
          found.set(offset, start);
        }
        if (!start) continue;
        coveredUntil = start.end;
        // Every match holding the occurrence lies inside the start, and holds every condition's
        // text: a start missing one that was searched for already cannot match.
        if (others.every((found) => occursWithin(found, start.start, start.end))) picked.push((last = { start, from: offset, to: offset, spans: [{ from: offset, to: offset, node: start.node }] }));
      }
    }
    return outermost(picked);
  }

  /** The outermost nodes of the given types, in document order: found from their keyword where the type has one, else by a query. */
  ofTypes(types: ReadonlySet<string>): SyntaxNode[] {
    const starts: Start[] = [];
    for (const type of types) {
      const keyword = KEYWORD_OF_NODE_TYPE.get(type);
      if (!keyword) {
        for (const match of scopeQuery(type).matches(this.root)) {
          const node = match.captures[0]!.node;
          starts.push({ start: node.startIndex, end: node.endIndex, node });
        }
        continue;
      }
      const stop = stopAt(type);
      let coveredUntil = -1;
      for (const offset of this.text.occurrences(keywordCondition(keyword), this.imports)) {
        if (offset < coveredUntil || !this.finder.seek(offset, stop)) continue;
        coveredUntil = this.finder.end;
        starts.push({ start: this.finder.start, end: this.finder.end, node: this.finder.node() });
      }
    }
    return outermostNodes(starts);
  }

  /**
   * The occurrences of the pattern's rarest condition, cheap conditions first: none means the
   * pattern cannot match here; when so few remain that running the query from each costs less than
   * searching for the next condition, that search is not made.
   */
  private rarestOccurrences(gate: PatternGate): { offsets: number[]; others: number[][] } {
    let rarest: number[] | null = null;
    const searched: number[][] = [];
    // An outermost anchor (a module, a class) may be most of the file: a query run there costs more than any search.
    const runCost = gate.anchor.kind === 'outermost' ? Infinity : ANCHOR_MICROS;
    for (const condition of gate.conditions) {
      if (rarest && (rarest.length === 0 || (!isCheap(condition) && rarest.length * runCost <= searchMicros(condition, this.text.source.length)))) break;
      const offsets = this.text.occurrences(condition, this.imports);
      searched.push(offsets);
      if (!rarest || offsets.length < rarest.length) rarest = offsets;
    }
    return { offsets: rarest ?? [], others: searched.filter((offsets) => offsets !== rarest) };
  }
}

/**
 * What finding an anchor and running a query there (crossing its occurrences) costs, about; and a
 * query's pass over a whole file, per character. Measured 2026-11-30 on ironic over the 668
 * (file, rule) pairs with three starts or more: 11.2 µs a start (an upper bound: rules share
 * anchors) and 0.037 µs a character.
 */
const ANCHOR_MICROS = 11;
const WHOLE_TREE_MICROS_PER_CHARACTER = 0.037;

/**
 * What searching a file for a condition that the vocabulary pass does not answer costs, about:
 * `indexOf` reads some 2 characters a nanosecond, a regular expression some 0.2.
 */
function searchMicros(condition: TextCondition, length: number): number {
  if (condition.kind === 'regex') return length * 0.005;
  if (condition.kind === 'literals') return condition.literals.length * length * 0.0005;
  return 0;
}

/**
 * When a gated rule runs once over the whole tree instead of at each occurrence (more than one
 * per 300 characters or so: the whole run was the cheaper in 3 of those 668 pairs).
 */
function cheaperOverWholeTree(occurrences: number, source: string): boolean {
  return occurrences > 24 && occurrences * ANCHOR_MICROS > source.length * WHOLE_TREE_MICROS_PER_CHARACTER;
}

/** Below statements: a node that holds none. */
const BELOW_STATEMENTS: StopTest = (type) => !HOLDS_STATEMENTS.has(type);
const stopsAtType = new Map<string, StopTest>();

/** The stop test of an anchor, one function per kind (OffsetFinder remembers a test's answers by the function). */
function stopFor(anchor: Anchor): StopTest {
  return anchor.kind === 'outermost' ? stopAt(anchor.type) : BELOW_STATEMENTS;
}

function stopAt(type: string): StopTest {
  let stop = stopsAtType.get(type);
  if (!stop) stopsAtType.set(type, (stop = (t) => t === type));
  return stop;
}

/**
 * Occurrences farther apart than this many characters are run as separate spans: a query run
 * tries every node crossing its span (about 0.04 µs a character) and a run costs about 11 µs,
 * so a gap this long costs what another run does (see ANCHOR_MICROS).
 */
const SPAN_GAP = Math.round(ANCHOR_MICROS / WHOLE_TREE_MICROS_PER_CHARACTER);

/** The picked starts not inside another, in document order, each with the span of the occurrences inside it (and its groups, see RuleStart.spans). */
function outermost(picked: Picked[]): RuleStart[] {
  if (picked.length === 0) return [];
  picked.sort((a, b) => a.start.start - b.start.start || b.start.end - a.start.end);
  const starts: RuleStart[] = [];
  let outer: RuleStart | null = null;
  let inner: Span[] = [];
  let coveredUntil = -1;
  for (const p of picked) {
    if (outer && p.start.start < coveredUntil) {
      outer.from = Math.min(outer.from, p.from);
      outer.to = Math.max(outer.to, p.to);
      inner.push(...p.spans);
      continue;
    }
    if (outer) groupSpans(outer, inner);
    coveredUntil = p.start.end;
    starts.push((outer = { node: p.start.node, from: p.from, to: p.to }));
    inner = [...p.spans];
  }
  if (outer) groupSpans(outer, inner);
  return starts;
}

/**
 * Sets `start.spans` when the spans of the occurrences inside it (each with its anchor) fall in
 * groups more than SPAN_GAP apart; a group keeps the anchor its occurrences share, if one.
 */
function groupSpans(start: RuleStart, spans: Span[]): void {
  if (spans.length < 2) return;
  spans.sort((a, b) => a.from - b.from);
  const groups: Span[] = [];
  for (const span of spans) {
    const last = groups[groups.length - 1];
    if (last && span.from - last.to <= SPAN_GAP) {
      last.to = Math.max(last.to, span.to);
      if (last.node !== span.node) delete last.node;
    } else groups.push({ ...span });
  }
  if (groups.length > 1) start.spans = groups;
}

/** The starts not inside another, in document order. */
function outermostNodes(starts: Start[]): SyntaxNode[] {
  starts.sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes: SyntaxNode[] = [];
  let coveredUntil = -1;
  for (const s of starts) {
    if (s.start < coveredUntil) continue;
    coveredUntil = s.end;
    nodes.push(s.node);
  }
  return nodes;
}

const scopeQueries = new Map<string, Parser.Query>();

function scopeQuery(type: string): Parser.Query {
  let query = scopeQueries.get(type);
  if (!query) scopeQueries.set(type, (query = new Parser.Query(python, `(${type}) @scope`)));
  return query;
}

const keywordConditions = new Map<string, TextCondition>();

/** The condition of a keyword, one object per keyword (SourceIndex remembers occurrences by the object). */
function keywordCondition(keyword: string): TextCondition {
  let condition = keywordConditions.get(keyword);
  if (!condition) keywordConditions.set(keyword, (condition = { kind: 'literals', literals: [keyword], token: true }));
  return condition;
}

const IMPORT_KEYWORD = keywordCondition('import');

/** The file's import statements, found from each `import` keyword and read from their text: cheaper than a query over the whole tree. */
export function findImports(finder: OffsetFinder, text: SourceIndex, imports: ImportMap): void {
  let coveredUntil = -1;
  for (const offset of text.occurrences(IMPORT_KEYWORD, imports)) {
    if (offset < coveredUntil || !finder.seek(offset, BELOW_STATEMENTS)) continue;
    coveredUntil = finder.end;
    const type = finder.type;
    if (type === 'import_statement' || type === 'import_from_statement') imports.addStatement(text.source.slice(finder.start, finder.end));
  }
}
