import Parser from 'tree-sitter';
import type { Finding, Fix } from '../findings/finding.js';
import { FingerprintIndex } from '../findings/fingerprint.js';
import { parseSuppression, suppresses, type SuppressionComment } from '../findings/suppression.js';
import type { CompiledQuery, CompiledRules, GatedRule } from '../rules/compile-rules.js';
import { HOLDS_STATEMENTS, type Anchor } from '../rules/pattern-gate.js';
import { PREDICATES } from '../rules/predicates/index.js';
import type { Bindings, PredicateContext } from '../rules/predicates/predicate.js';
import type { Rule } from '../rules/rule.js';
import type { TextCondition } from '../rules/text-condition.js';
import { fillTemplate, shortCode } from './fill-template.js';
import { ImportMap } from './import-map.js';
import { KEYWORD_OF_NODE_TYPE } from './python-keywords.js';
import { parsePython, python } from './python-parser.js';
import { SourceIndex } from './source-index.js';
import { descendTo, isInsideError, type SyntaxNode } from './syntax.js';

/** What one file's scan gives: findings in line order (scope `file`, suppression marked) and rule crashes. */
export interface SourceScan {
  findings: Finding[];
  /** Parse trouble and rule crashes, each naming the rule; the file's other findings still count. */
  errors: string[];
  lines: number;
}

/**
 * Parses `source` once and runs every compiled rule in ONE query pass over the tree, then applies
 * each rule's `where:` predicates, suppression comments and fingerprints. Matches inside ERROR
 * nodes are dropped: tree-sitter's recovery guessed there.
 */
export function scanSource(path: string, source: string, compiled: CompiledRules): SourceScan {
  const tree = parsePython(source);
  const root = tree.rootNode;
  const lines = source.split('\n');
  const text = new SourceIndex(source, compiled.vocabulary);
  const imports = importsOf(root, text);
  const comments = suppressionComments(source, root);
  const candidates: Candidate[] = [];
  const collect = (compiledQuery: CompiledQuery, node: SyntaxNode) => {
    for (const match of compiledQuery.query.matches(node)) {
      candidates.push({ rule: compiledQuery.ruleOfPattern[match.pattern]!, match, patternCaptures: compiledQuery.capturesOfPattern[match.pattern]! });
    }
  };

  // 1. Rules that cannot be gated: one pass of their combined query over the whole tree.
  const ungated = compiled.ungated();
  if (ungated) collect(ungated, root);

  // 2. Gated rules, started only at the statements (or outermost nodes) where their text occurs.
  for (const gated of compiled.gated) {
    const anchors = anchorsOf(gated, root, text, imports);
    if (anchors === 'everywhere') collect(gated.query(), root);
    else for (const anchor of anchors) collect(gated.query(), anchor);
  }

  // 3. Scoped rules, only inside the nodes they name (an outer node's run covers the nested ones).
  for (const scopedRule of compiled.scoped) {
    let coveredUntil = -1;
    for (const scope of nodesOfTypes(scopedRule.types, root, text, imports)) {
      if (scope.startIndex < coveredUntil) continue;
      coveredUntil = scope.endIndex;
      collect(scopedRule.query(), scope);
    }
  }

  // 4. Predicates, suppression and fingerprints.
  const ctx: PredicateContext = { path, imports };
  const hasErrors = tree.rootNode.hasError;
  const errors: string[] = [];
  const seen = new Set<string>();
  const raw: Omit<Finding, 'fingerprint'>[] = [];
  for (const { rule, match, patternCaptures } of candidates) {
    const captures = groupCaptures(match);
    const node = captures.get('finding')?.[0];
    if (!node) continue;
    const key = `${rule.id}:${node.startIndex}:${node.endIndex}`;
    if (seen.has(key)) continue;
    if (hasErrors && isInsideError(node)) continue;
    let bindings: Bindings | null;
    try {
      bindings = evaluateWhere(rule, captures, patternCaptures, ctx);
    } catch (error) {
      errors.push(`rule ${rule.id} (${rule.file}) failed at line ${node.startPosition.row + 1}: ${(error as Error).message}`);
      continue;
    }
    if (!bindings) continue;
    seen.add(key);
    raw.push(toFinding(rule, node, captures, bindings, path, lines, comments));
  }
  if (hasErrors) errors.unshift('syntax errors: tree-sitter recovered; findings inside the unparsable parts were dropped');

  raw.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const fingerprints = new FingerprintIndex(path);
  const findings = raw.map((f) => ({ ...f, fingerprint: fingerprints.next(f.ruleId, lines[f.line - 1] ?? '') }));
  return { findings, errors, lines: lines.length };
}

/**
 * When a gated rule runs once over the whole tree instead of at each occurrence: finding an
 * anchor and querying it costs about 30 µs, a pass over a whole file about 0.1 µs per character.
 */
function cheaperOverWholeTree(occurrences: number, source: string): boolean {
  return occurrences > 24 && occurrences * 300 > source.length;
}

/** A query match waiting for its rule's predicates. */
interface Candidate {
  rule: Rule;
  match: Parser.QueryMatch;
  patternCaptures: Set<string>;
}

const SUPPRESSION_MARK = /#\s*(?:nosec|noqa|diffsec)/g;

/**
 * Suppression comments by line: found by their text (OpenStack code is full of `# noqa`, so
 * matching every comment node would cost more), each confirmed to be a real comment node.
 */
function suppressionComments(source: string, root: SyntaxNode): Map<number, SuppressionComment> {
  const comments = new Map<number, SuppressionComment>();
  for (const mark of source.matchAll(SUPPRESSION_MARK)) {
    const node = root.descendantForIndex(mark.index!);
    if (node.type !== 'comment') continue;
    const suppression = parseSuppression(node.text);
    if (suppression) comments.set(node.startPosition.row + 1, suppression);
  }
  return comments;
}

/**
 * The nodes to start a gated rule's query from: for each pattern, the occurrences of its rarest
 * condition in this file, each taken to its anchor; nested anchors are dropped (the outer run
 * covers them). `everywhere` when occurrences abound and one whole-tree pass is cheaper.
 */
function anchorsOf(gated: GatedRule, root: SyntaxNode, text: SourceIndex, imports: ImportMap): SyntaxNode[] | 'everywhere' {
  const anchors: SyntaxNode[] = [];
  for (const gate of gated.gates) {
    let rarest: number[] | null = null;
    for (const condition of gate.conditions) {
      const offsets = text.occurrences(condition, imports);
      if (!rarest || offsets.length < rarest.length) rarest = offsets;
      if (rarest.length === 0) break;
    }
    if (!rarest || rarest.length === 0) continue;
    if (cheaperOverWholeTree(rarest.length, text.source)) return 'everywhere';
    for (const offset of rarest) {
      const anchor = anchorAt(root, offset, gate.anchor);
      if (anchor) anchors.push(anchor);
    }
  }
  anchors.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const outermost: SyntaxNode[] = [];
  let coveredUntil = -1;
  for (const anchor of anchors) {
    if (anchor.startIndex < coveredUntil) continue;
    coveredUntil = anchor.endIndex;
    outermost.push(anchor);
  }
  return outermost;
}

function anchorAt(root: SyntaxNode, offset: number, anchor: Anchor): SyntaxNode | null {
  if (anchor.kind === 'outermost') return descendTo(root, offset, (type) => (type === anchor.type ? 'keep-stop' : 'deeper'));
  return descendTo(root, offset, (type) => (HOLDS_STATEMENTS.has(type) ? 'deeper' : 'keep-stop'));
}

/** The import statements, found from each `import` keyword: cheaper than a query over the whole tree. */
function importsOf(root: SyntaxNode, text: SourceIndex): ImportMap {
  const imports = new ImportMap();
  let last = -1;
  for (const offset of text.occurrences(IMPORT_KEYWORD, imports)) {
    const statement = descendTo(root, offset, (type) => (type === 'import_statement' || type === 'import_from_statement' ? 'keep-stop' : 'deeper'));
    if (statement && statement.startIndex !== last) imports.add(statement);
    if (statement) last = statement.startIndex;
  }
  return imports;
}

const IMPORT_KEYWORD: TextCondition = { kind: 'literals', literals: ['import'], token: true };

/**
 * The nodes of the given types, in document order: found from their keyword where the type has
 * one (`except` for `except_clause`), else by a query over the whole tree.
 */
function nodesOfTypes(types: Set<string>, root: SyntaxNode, text: SourceIndex, imports: ImportMap): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  for (const type of types) {
    const keyword = KEYWORD_OF_NODE_TYPE.get(type);
    if (!keyword) {
      for (const match of scopeQuery(type).matches(root)) nodes.push(match.captures[0]!.node);
      continue;
    }
    for (const offset of text.occurrences({ kind: 'literals', literals: [keyword], token: true }, imports)) {
      // The innermost node of the type holding the keyword is the one it introduces.
      const node = descendTo(root, offset, (t) => (t === type ? 'keep-deeper' : 'deeper'));
      if (node) nodes.push(node);
    }
  }
  nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  return nodes;
}

const scopeQueries = new Map<string, Parser.Query>();

function scopeQuery(type: string): Parser.Query {
  let query = scopeQueries.get(type);
  if (!query) scopeQueries.set(type, (query = new Parser.Query(python, `(${type}) @scope`)));
  return query;
}

function groupCaptures(match: Parser.QueryMatch): Map<string, SyntaxNode[]> {
  const captures = new Map<string, SyntaxNode[]>();
  for (const { name, node } of match.captures) {
    const list = captures.get(name);
    if (list) list.push(node);
    else captures.set(name, [node]);
  }
  return captures;
}

/**
 * Applies `where:`: every predicate must hold. Predicates on a capture the matched pattern does
 * not have are skipped, so one rule may hold several patterns. On a capture with several nodes a
 * predicate holds when any node passes (negated: when none does); on an optional capture absent
 * from the match, only negated ones hold. Returns the predicates' bindings, or null to reject.
 */
function evaluateWhere(rule: Rule, captures: Map<string, SyntaxNode[]>, patternCaptures: Set<string>, ctx: PredicateContext): Bindings | null {
  const bindings: Bindings = {};
  for (const [capture, calls] of Object.entries(rule.where)) {
    if (!patternCaptures.has(capture)) continue;
    const nodes = captures.get(capture) ?? [];
    for (const call of calls) {
      const predicate = PREDICATES.get(call.name)!;
      let passed = false;
      for (const node of nodes) {
        const result = predicate.test(node, call.arg, ctx);
        if (result === false) continue;
        passed = true;
        if (typeof result === 'object') Object.assign(bindings, result);
        break;
      }
      if (passed === call.negated) return null;
    }
  }
  return bindings;
}

function toFinding(
  rule: Rule,
  node: SyntaxNode,
  captures: Map<string, SyntaxNode[]>,
  bindings: Bindings,
  path: string,
  lines: string[],
  comments: Map<number, SuppressionComment>,
): Omit<Finding, 'fingerprint'> {
  const values: Record<string, string> = {};
  for (const [name, nodes] of captures) values[name] = shortCode(nodes[0]!.text);
  Object.assign(values, bindings);
  const line = node.startPosition.row + 1;
  const endLine = node.endPosition.row + 1;
  const codes = [rule.id, ...rule.bandit, ...rule.ruff];
  let suppressed: Finding['suppressed'] = null;
  for (let l = line; l <= endLine && !suppressed; l++) {
    const comment = comments.get(l);
    if (comment && suppresses(comment, codes)) suppressed = { comment: comment.text, ...(comment.reason ? { reason: comment.reason } : {}) };
  }
  const finding: Omit<Finding, 'fingerprint'> = {
    ruleId: rule.id,
    ruleName: rule.name,
    title: rule.title,
    severity: rule.severity,
    confidence: rule.confidence,
    cwe: rule.cwe,
    bandit: rule.bandit[0] ?? null,
    ruff: rule.ruff[0] ?? null,
    path,
    line,
    column: node.startPosition.column + 1,
    endLine,
    endColumn: node.endPosition.column + 1,
    message: fillTemplate(rule.message, values),
    scope: 'file',
    suppressed,
  };
  if (rule.fix) finding.fix = buildFix(rule.fix, node, captures, lines);
  return finding;
}

/** Replaces the `@finding` node's text inside its whole lines, as a GitHub suggestion needs. */
function buildFix(template: string, node: SyntaxNode, captures: Map<string, SyntaxNode[]>, lines: string[]): Fix {
  const values: Record<string, string> = {};
  for (const [name, nodes] of captures) values[name] = nodes[0]!.text;
  const startLine = node.startPosition.row + 1;
  const endLine = node.endPosition.row + 1;
  const first = lines[startLine - 1] ?? '';
  const last = lines[endLine - 1] ?? '';
  const prefix = first.slice(0, node.startPosition.column);
  const suffix = last.slice(node.endPosition.column).replace(/\r$/, '');
  return { startLine, endLine, replacement: prefix + fillTemplate(template, values) + suffix };
}
