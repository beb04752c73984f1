import type Parser from 'tree-sitter';
import type { Finding, Fix } from '../findings/finding.js';
import { FingerprintIndex } from '../findings/fingerprint.js';
import { parseSuppression, suppresses, type SuppressionComment } from '../findings/suppression.js';
import { wordRegExp, type CompiledRules, type GatedRule } from '../rules/compile-rules.js';
import { PREDICATES } from '../rules/predicates/index.js';
import type { Bindings, PredicateContext } from '../rules/predicates/predicate.js';
import type { Rule } from '../rules/rule.js';
import { fillTemplate, shortCode } from './fill-template.js';
import { ImportMap } from './import-map.js';
import { parsePython } from './python-parser.js';
import { enclosingStatement, isInsideError, type SyntaxNode } from './syntax.js';

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
  const lines = source.split('\n');
  const imports = new ImportMap();
  const comments = suppressionComments(source, tree.rootNode);

  // 1. One pass of the combined query: imports, scope nodes and the rules not gated or scoped.
  const combined = compiled.always;
  const candidates: Candidate[] = [];
  const scopes: SyntaxNode[] = [];
  for (const match of combined.query.matches(tree.rootNode)) {
    const rule = combined.ruleOfPattern[match.pattern];
    if (rule) {
      candidates.push({ rule, match, patternCaptures: combined.capturesOfPattern[match.pattern]! });
      continue;
    }
    for (const capture of match.captures) {
      if (capture.name === 'import') imports.add(capture.node);
      else if (capture.name === 'scope') scopes.push(capture.node);
    }
  }
  // 2. Word-gated rules, only at the statements where one of their words (or an alias of it) occurs.
  const has = memoizedIncludes(source);
  const abundant: GatedRule[] = [];
  for (const gated of compiled.gated) {
    if (!gated.fileMayMatch(has)) continue;
    const run = runGatedRule(gated, source, tree.rootNode, imports);
    if (run === 'abundant') abundant.push(gated);
    else candidates.push(...run);
  }
  // Rules whose words abound in this file: one pass over the tree serves them all.
  if (abundant.length > 0) {
    const together = compiled.combinedOf(abundant.map((g) => g.rule));
    for (const match of together.query.matches(tree.rootNode)) {
      candidates.push({ rule: together.ruleOfPattern[match.pattern]!, match, patternCaptures: together.capturesOfPattern[match.pattern]! });
    }
  }

  // 3. Scoped rules, only inside the nodes they name (an outer node's run covers the nested ones).
  for (const scopedRule of compiled.scoped) {
    let coveredUntil = -1;
    for (const scope of scopes) {
      if (!scopedRule.types.has(scope.type) || scope.startIndex < coveredUntil) continue;
      coveredUntil = scope.endIndex;
      for (const match of scopedRule.query.query.matches(scope)) {
        candidates.push({ rule: scopedRule.rule, match, patternCaptures: scopedRule.query.capturesOfPattern[match.pattern]! });
      }
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

/** Word occurrences above which a gated rule runs once over the whole tree (one statement query ≈ 0.1 ms, a whole-tree pass ≈ 0.4 ms). */
const WHOLE_TREE_AFTER = 6;

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

/** `source.includes`, remembered: rules share name parts (`cryptography`, `requests`…). */
function memoizedIncludes(source: string): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let found = known.get(text);
    if (found === undefined) known.set(text, (found = source.includes(text)));
    return found;
  };
}

/**
 * Runs a gated rule's query from each statement holding one of its words, once per statement; or
 * says 'abundant' when the words occur so often that a whole-tree pass is cheaper.
 */
function runGatedRule(gated: GatedRule, source: string, root: SyntaxNode, imports: ImportMap): Candidate[] | 'abundant' {
  const aliases = imports.aliasesOf(gated.words);
  const words = aliases.length ? [...gated.words, ...aliases] : gated.words;
  if (!words.some((w) => source.includes(w.replace(/\*$/, '')))) return [];
  const pattern = aliases.length ? wordRegExp(words) : gated.wordPattern;
  const candidates: Candidate[] = [];
  const push = (matches: Parser.QueryMatch[]) => {
    for (const match of matches) candidates.push({ rule: gated.rule, match, patternCaptures: gated.query.capturesOfPattern[match.pattern]! });
  };
  pattern.lastIndex = 0;
  const occurrences = [...source.matchAll(pattern)].map((m) => m.index!);
  // Past a few statements one pass over the whole tree is cheaper than a query per statement.
  if (occurrences.length > WHOLE_TREE_AFTER) return 'abundant';
  // Occurrences come in text order: one inside the statement last queried is already covered.
  let coveredUntil = -1;
  for (const index of occurrences) {
    if (index < coveredUntil) continue;
    const statement = enclosingStatement(root.descendantForIndex(index));
    coveredUntil = statement.endIndex;
    push(gated.query.query.matches(statement));
  }
  return candidates;
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
