import type Parser from 'tree-sitter';
import type { Finding, Fix } from '../findings/finding.js';
import { FingerprintIndex } from '../findings/fingerprint.js';
import { parseSuppression, suppresses, type SuppressionComment } from '../findings/suppression.js';
import type { CompiledQuery, CompiledRules } from '../rules/compile-rules.js';
import { PREDICATES } from '../rules/predicates/index.js';
import type { Bindings, PredicateContext } from '../rules/predicates/predicate.js';
import type { Rule } from '../rules/rule.js';
import { FileAnchors, findImports } from './anchors.js';
import { argvLiteral } from './argv-literal.js';
import { fillMessage, fillTemplate, shortCode } from './fill-template.js';
import { ImportMap } from './import-map.js';
import { OffsetFinder } from './offset-finder.js';
import { parsePython } from './python-parser.js';
import { SourceIndex } from './source-index.js';
import { isInsideError, type SyntaxNode } from './syntax.js';

/** What one file's scan gives: findings in line order (scope `file`, suppression marked) and rule crashes. */
export interface SourceScan {
  findings: Finding[];
  /** Parse trouble and rule crashes, each naming the rule; the file's other findings still count. */
  errors: string[];
  lines: number;
}

/**
 * Parses `source` once and runs each rule's query only from the nodes holding the text it needs
 * (no pass over the whole tree unless a rule cannot be gated, or its text abounds), then applies
 * each rule's `where:` predicates, suppression comments and fingerprints. Matches inside ERROR
 * nodes are dropped: tree-sitter's recovery guessed there.
 */
export function scanSource(path: string, source: string, compiled: CompiledRules): SourceScan {
  const tree = parsePython(source);
  const root = tree.rootNode;
  const lines = source.split('\n');
  const text = new SourceIndex(source, compiled.vocabulary);
  const finder = new OffsetFinder(root);
  const imports = new ImportMap();
  findImports(finder, text, imports);
  const anchors = new FileAnchors(root, finder, text, imports);
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
    const starts = anchors.forRule(gated);
    if (starts === 'everywhere') collect(gated.query(), root);
    else for (const node of starts) collect(gated.query(), node);
  }

  // 3. Scoped rules, only inside the nodes they name (an outer node's run covers the nested ones).
  for (const scopedRule of compiled.scoped) {
    for (const scope of anchors.ofTypes(scopedRule.types)) collect(scopedRule.query(), scope);
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
    message: fillMessage(rule.message, values),
    scope: 'file',
    suppressed,
  };
  if (rule.fix) {
    const fix = fixFor(rule.fix, node, captures, lines);
    if (fix) finding.fix = fix;
  }
  return finding;
}

/** The fix of a match: a plain template replaces `@finding`; a mapping replaces its first capture present. */
function fixFor(fix: string | Record<string, string>, node: SyntaxNode, captures: Map<string, SyntaxNode[]>, lines: string[]): Fix | null {
  if (typeof fix === 'string') return buildFix(fix, node, captures, lines);
  for (const [capture, template] of Object.entries(fix)) {
    const target = capture === 'finding' ? node : captures.get(capture)?.[0];
    if (target) return buildFix(template, target, captures, lines);
  }
  return null;
}

/** Replaces the node's text inside its whole lines, as a GitHub suggestion needs. */
function buildFix(template: string, node: SyntaxNode, captures: Map<string, SyntaxNode[]>, lines: string[]): Fix | null {
  const values: Record<string, string> = {};
  for (const [name, nodes] of captures) {
    values[name] = nodes[0]!.text;
    const argv = template.includes(`{${name}|argv}`) ? argvLiteral(nodes[0]!) : null;
    if (argv !== null) values[`${name}|argv`] = argv;
  }
  // A filter that cannot apply (`{command|argv}` of a command using shell syntax) means no fix.
  for (const [, name] of template.matchAll(/\{([\w.-]+\|\w+)\}/g)) if (values[name!] === undefined) return null;
  const startLine = node.startPosition.row + 1;
  const endLine = node.endPosition.row + 1;
  const first = lines[startLine - 1] ?? '';
  const last = lines[endLine - 1] ?? '';
  const prefix = first.slice(0, node.startPosition.column);
  const suffix = last.slice(node.endPosition.column).replace(/\r$/, '');
  return { startLine, endLine, replacement: prefix + fillTemplate(template, values) + suffix };
}
