import type Parser from 'tree-sitter';
import type { Finding, Fix } from '../findings/finding.js';
import { FingerprintIndex } from '../findings/fingerprint.js';
import { parseSuppression, suppressionFor, type SuppressionComment } from '../findings/suppression.js';
import type { CompiledQuery, CompiledRules } from '../rules/compile-rules.js';
import { PREDICATES } from '../rules/predicates/index.js';
import type { Bindings, PredicateContext } from '../rules/predicates/predicate.js';
import type { Rule } from '../rules/rule.js';
import { FlowRuleTracer, type FlowMatch } from '../rules/trace-flow-rule.js';
import { FileAnchors, findImports, type RuleStart } from './anchors.js';
import { argvLiteral } from './argv-literal.js';
import { fillMessage, fillTemplate, shortCode } from './fill-template.js';
import { ImportMap } from './import-map.js';
import { OffsetFinder } from './offset-finder.js';
import { parsePython } from './python-parser.js';
import { matchesInStart } from './query-range.js';
import { SourceIndex } from './source-index.js';
import { isInsideError, type SyntaxNode } from './syntax.js';
import { LineTable } from './line-table.js';
import { StatementLines } from './statement-lines.js';
import { DEFAULT_MAX_FINDINGS, DEFAULT_TIME_BUDGET_MS, findingCapReason, timeBudgetReason, type ScanLimits } from './scan-limits.js';

/** What one file's scan gives: findings in line order (scope `file`, suppression marked) and rule crashes. */
export interface SourceScan {
  findings: Finding[];
  /** Parse trouble and rule crashes, each naming the rule; the file's other findings still count. */
  errors: string[];
  lines: number;
  /** Set when the scan stopped early (finding cap, time budget): why, for the file's `skipped` entry; its findings so far are kept. */
  incomplete?: string;
  /** Suppression comments naming codes, by line, for the review to check against every rule (not just those that ran). */
  suppressions?: Array<{ line: number; text: string; form: SuppressionComment['form']; codes: string[] }>;
}

/**
 * Parses `source` once and runs each rule's query only from the nodes holding the text it needs
 * (no pass over the whole tree unless a rule cannot be gated, or its text abounds), then applies
 * each rule's `where:` predicates, suppression comments and fingerprints. Matches inside ERROR
 * nodes are dropped: tree-sitter's recovery guessed there. Stops, keeping what it found and
 * saying why in `incomplete`, after `limits.maxFindings` findings or `limits.timeBudgetMs`.
 * Every step after the queries costs the same per finding however long its line or file.
 */
export function scanSource(path: string, source: string, compiled: CompiledRules, limits: ScanLimits = {}): SourceScan {
  const maxFindings = limits.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const budget = limits.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const deadline = performance.now() + budget;
  let incomplete: string | undefined;
  const outOfTime = () => {
    if (incomplete === undefined && performance.now() >= deadline) incomplete = timeBudgetReason(budget);
    return incomplete !== undefined;
  };
  // Python ends a line at a lone `\r` too; tree-sitter and git only at `\n`. The tree is built
  // from a copy with each lone `\r` made `\n` (same length, so offsets agree) so it has Python's
  // structure, and findings are placed by offset on git's lines (`\n` only): the line numbers
  // GitHub's diff shows, where a lone-CR file is one long line.
  const python = source.includes('\r') ? source.replace(LONE_CR, '\n') : source;
  const tree = parsePython(python);
  const root = tree.rootNode;
  const lines = new LineTable(source);
  const text = new SourceIndex(python, compiled.vocabulary);
  const finder = new OffsetFinder(root);
  const imports = new ImportMap();
  findImports(finder, text, imports);
  const anchors = new FileAnchors(root, finder, text, imports);
  const comments = suppressionComments(python, root);
  // Only a file with suppression comments needs its statements' lines.
  let statementIndex: StatementLines | null = null;
  const statements = () => (statementIndex ??= new StatementLines(root));
  const candidates: Candidate[] = [];
  /** Runs a query inside `node`, only from the nodes crossing `span` (the offsets of the text its matches need, see RuleStart) when given. */
  const collect = (compiledQuery: CompiledQuery, node: SyntaxNode, span?: Pick<RuleStart, 'from' | 'to' | 'spans'>) => {
    if (outOfTime()) return;
    // The query itself stops at the deadline too (its matches so far are kept).
    const matches = span ? matchesInStart(compiledQuery.query, node, span, deadline) : compiledQuery.query.matches(node, { timeoutMicros: Math.max(1, Math.ceil((deadline - performance.now()) * 1000)) });
    for (const match of matches) {
      const finding = match.captures.find((c) => c.name === 'finding')?.node;
      if (!finding) continue;
      candidates.push({ rule: compiledQuery.ruleOfPattern[match.pattern]!, match, patternCaptures: compiledQuery.capturesOfPattern[match.pattern]!, node: finding, start: finding.startIndex });
    }
    outOfTime();
  };

  // 1. Rules that cannot be gated: one pass of their combined query over the whole tree.
  const ungated = compiled.ungated();
  if (ungated) collect(ungated, root);

  // 2. Gated rules, started only at the statements (or outermost nodes) where their text occurs;
  // a flow rule's sink query only where a source's value may reach (see FlowRuleTracer.sinkStarts).
  const ctx: PredicateContext = { path, imports };
  let flows: FlowRuleTracer | null = null;
  for (const gated of compiled.gated) {
    if (outOfTime()) break;
    const found = anchors.startsOf(gated);
    // A flow rule's tracer keeps some of the starts (with their spans), or the whole tree, or none.
    const starts = gated.rule.flow ? (flows ??= new FlowRuleTracer(root, ctx, anchors, lines)).sinkStarts(gated.rule, found) : found;
    if (starts === 'everywhere') collect(gated.query(), root);
    else for (const start of starts) collect(gated.query(), start.node, start);
  }

  // 3. Scoped rules, only inside the nodes they name (an outer node's run covers the nested ones).
  for (const scopedRule of compiled.scoped) {
    if (outOfTime()) break;
    for (const scope of anchors.ofTypes(scopedRule.types)) collect(scopedRule.query(), scope);
  }

  // 4. Predicates, suppression and fingerprints, in source order, so a file stopped at the cap
  // keeps its first findings; at one node, in rule order, and a rule's earlier pattern first: when
  // two of its patterns match one node, the first whose `where:` holds is kept (DS701 puts its
  // pattern with a fix first).
  const order = new Map(compiled.rules.map((rule, i) => [rule, i]));
  candidates.sort((a, b) => a.start - b.start || order.get(a.rule)! - order.get(b.rule)! || a.match.pattern - b.match.pattern);
  const hasErrors = tree.rootNode.hasError;
  const errors: string[] = [];
  const seen = new Set<string>();
  const raw: Omit<Finding, 'fingerprint'>[] = [];
  for (const [i, { rule, match, patternCaptures, node }] of candidates.entries()) {
    if (raw.length >= maxFindings) {
      incomplete ??= findingCapReason(maxFindings);
      break;
    }
    if (i % 64 === 0 && outOfTime()) break;
    const key = `${rule.id}:${node.startIndex}:${node.endIndex}`;
    if (seen.has(key)) continue;
    if (hasErrors && isInsideError(node)) continue;
    const captures = groupCaptures(match);
    let bindings: Bindings | null;
    let flow: FlowMatch | null = null;
    try {
      bindings = evaluateWhere(rule, captures, patternCaptures, ctx);
      // A flow rule's match is its sink: it counts only when a source's value reaches `@sink`.
      if (bindings && rule.flow) {
        flow = (flows ??= new FlowRuleTracer(root, ctx, anchors, lines)).trace(rule, captures, node);
        bindings = flow && { ...bindings, ...flow.bindings };
      }
    } catch (error) {
      errors.push(`rule ${rule.id} (${rule.file}) failed at line ${lines.position(node.startIndex).line}: ${(error as Error).message}`);
      continue;
    }
    if (!bindings) continue;
    seen.add(key);
    raw.push(toFinding(rule, node, captures, bindings, flow, path, lines, comments, statements));
  }
  if (hasErrors) errors.unshift('syntax errors: tree-sitter recovered; findings inside the unparsable parts were dropped');

  raw.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const fingerprints = new FingerprintIndex(path);
  const findings = raw.map((f) => ({ ...f, fingerprint: fingerprints.next(f.ruleId, lines.text(f.line), f.line) }));
  const named = [...comments].filter(([, c]) => c.codes !== null).map(([line, c]) => ({ line, text: c.text, form: c.form, codes: c.codes! }));
  return { findings, errors, lines: lines.count, ...(incomplete ? { incomplete } : {}), ...(named.length ? { suppressions: named } : {}) };
}

/** A `\r` not followed by `\n`: a line break to Python, not to git. */
export const LONE_CR = /\r(?!\n)/g;

/** A query match waiting for its rule's predicates. */
interface Candidate {
  rule: Rule;
  match: Parser.QueryMatch;
  patternCaptures: Set<string>;
  /** The `@finding` node and its start offset. */
  node: SyntaxNode;
  start: number;
}

/** Where a suppression comment may start (exported for the backtracking test). */
export const SUPPRESSION_MARK = /#\s*(?:nosec|noqa|diffsec)/g;

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
  flow: FlowMatch | null,
  path: string,
  lines: LineTable,
  comments: Map<number, SuppressionComment>,
  statements: () => StatementLines,
): Omit<Finding, 'fingerprint'> {
  const values: Record<string, string> = {};
  for (const [name, nodes] of captures) values[name] = shortCode(headOf(nodes[0]!, lines.source));
  Object.assign(values, bindings);
  const startIndex = node.startIndex;
  const endIndex = node.endIndex;
  const start = lines.position(startIndex);
  const end = lines.position(endIndex);
  const codes = [rule.id, ...rule.bandit, ...rule.ruff];
  // The finding's own lines and its statement's: a comment on the first or closing line of a multi-line call counts.
  const statement = comments.size ? statements().of(node) : { first: 0, last: 0 };
  const first = node.startPosition.row + 1;
  const last = node.endPosition.row + 1;
  const suppression = comments.size ? suppressionFor(comments, Math.min(statement.first, first), Math.max(statement.last, last), codes) : null;
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
    line: start.line,
    column: start.column + 1,
    endLine: end.line,
    endColumn: end.column + 1,
    message: fillMessage(rule.message, values),
    scope: 'file',
    suppressed: suppression ? { comment: suppression.text, ...(suppression.reason ? { reason: suppression.reason } : {}) } : null,
  };
  if (rule.fix) {
    const fix = fixFor(rule.fix, node, captures, lines);
    if (fix) finding.fix = fix;
  }
  if (flow) {
    finding.flow = flow.flow;
    // Each other path names its own source in the message, should diff scoping show that path.
    if (flow.others.length) finding.otherFlows = flow.others.map((other) => ({ flow: other.flow, message: fillMessage(rule.message, { ...values, ...other.bindings }) }));
  }
  return finding;
}

/** Characters of a capture read for its message: shortCode shows 60, and a huge node is not copied whole for each finding. */
const MESSAGE_HEAD = 1024;

/** The start of a node's text in `source`, at most MESSAGE_HEAD characters, `…` appended when cut. */
function headOf(node: SyntaxNode, source: string): string {
  const start = node.startIndex;
  const end = node.endIndex;
  return end - start <= MESSAGE_HEAD ? source.slice(start, end) : `${source.slice(start, start + MESSAGE_HEAD)}…`;
}

/**
 * Lines a suggested fix may rewrite: a suggestion replaces whole lines, so a finding on a huge
 * line gets none rather than a copy of that line per finding.
 */
const MAX_FIX_CHARS = 10_000;

/** The fix of a match: a plain template replaces `@finding`; a mapping replaces its first capture present. */
function fixFor(fix: string | Record<string, string>, node: SyntaxNode, captures: Map<string, SyntaxNode[]>, lines: LineTable): Fix | null {
  if (typeof fix === 'string') return buildFix(fix, node, captures, lines);
  for (const [capture, template] of Object.entries(fix)) {
    const target = capture === 'finding' ? node : captures.get(capture)?.[0];
    if (target) return buildFix(template, target, captures, lines);
  }
  return null;
}

/** Replaces the target node's text inside its whole lines, as a GitHub suggestion needs; null when those lines are too long to quote or a filter cannot apply. */
function buildFix(template: string, target: SyntaxNode, captures: Map<string, SyntaxNode[]>, lines: LineTable): Fix | null {
  const startLine = lines.position(target.startIndex).line;
  const endLine = lines.position(target.endIndex).line;
  const from = lines.start(startLine);
  const to = lines.end(endLine);
  if (to - from > MAX_FIX_CHARS) return null;
  const values: Record<string, string> = {};
  for (const [name, nodes] of captures) {
    values[name] = lines.source.slice(nodes[0]!.startIndex, nodes[0]!.endIndex);
    const argv = template.includes(`{${name}|argv}`) ? argvLiteral(nodes[0]!) : null;
    if (argv !== null) values[`${name}|argv`] = argv;
  }
  // A filter that cannot apply (`{command|argv}` of a command using shell syntax) means no fix.
  for (const [, name] of template.matchAll(/\{([\w.-]+\|\w+)\}/g)) if (values[name!] === undefined) return null;
  const prefix = lines.source.slice(from, target.startIndex);
  const suffix = lines.source.slice(target.endIndex, Math.max(target.endIndex, to));
  return { startLine, endLine, replacement: prefix + fillTemplate(template, values) + suffix };
}
