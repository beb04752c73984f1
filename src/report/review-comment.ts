import type { Finding } from '../findings/finding.js';
import type { Rule } from '../rules/rule.js';
import { codeSpan, escapeMarkdown, longestBacktickRun } from './markdown-escape.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/** The hidden marker a review comment carries, so a later push does not post the same finding again. */
export function fingerprintMarker(finding: Pick<Finding, 'ruleId' | 'fingerprint'>): string {
  return `<!-- diffsec:fp=${finding.ruleId}:${finding.fingerprint} -->`;
}

/**
 * The fingerprint marker of a comment body, as `RULE:HASH` (none or one). Only the body's last line
 * counts, where diffsec writes it: quoted code, a name or a suggestion block elsewhere in the body
 * cannot forge one.
 */
export function markersIn(body: string): string[] {
  const last = body.trimEnd().split(/\r?\n/).at(-1) ?? '';
  const m = /^<!-- diffsec:fp=([A-Z]+\d+:[0-9a-f]+) -->$/.exec(last);
  return m ? [m[1]!] : [];
}

/** The link for a CWE id like `CWE-78`. */
export function cweUrl(cwe: string): string {
  return `https://cwe.mitre.org/data/definitions/${cwe.replace(/^CWE-/, '')}.html`;
}

/**
 * The body of one inline review comment: rule, levels, the specific message, why and how to fix
 * (from the rule's docs), a CWE link, a link to the rule's entry in docs/rules.md, a suggestion
 * block when the finding has a mechanical fix covering exactly the commented lines, and the hidden
 * fingerprint marker.
 */
export function renderReviewComment(finding: Finding, rule: Rule | undefined, commented: { startLine: number; endLine: number }): string {
  // The message is inert markdown by construction (fillMessage fences and escapes what it quotes).
  const lines = [
    `**${finding.ruleId} ${finding.title}** · severity **${finding.severity}** · confidence ${finding.confidence}`,
    '',
    finding.message,
  ];
  const path = flowLine(finding);
  if (path) lines.push('', path);
  // Anchored on a changed step (the sink's own lines are not in the diff): say where the sink is.
  if (path && (commented.endLine < finding.line || commented.startLine > finding.endLine)) {
    lines.push('', `This comment is on line ${commented.startLine}, a step this pull request changes; the value reaches the sink at line ${finding.line}, which it does not change.`);
  }
  if (rule) lines.push('', `<details><summary>Why it matters and how to fix it</summary>`, '', rule.docs.why, '', `**Fix:** ${rule.docs.fix}`, '', '</details>');
  const fix = finding.fix;
  if (fix && fix.startLine === commented.startLine && fix.endLine === commented.endLine) {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(fix.replacement) + 1));
    lines.push('', `${fence}suggestion`, fix.replacement, fence);
  }
  const aliases = [finding.bandit && `Bandit ${finding.bandit}`, finding.ruff && `Ruff ${finding.ruff}`].filter(Boolean).join(', ');
  lines.push('', `[${finding.cwe}](${cweUrl(finding.cwe)})${aliases ? ` · ${aliases}` : ''} · [${finding.ruleId} in the rule docs](${ruleDocsUrl(finding)}) · silence with \`# diffsec: ignore[${finding.ruleId}] reason\``, fingerprintMarker(finding));
  return lines.join('\n');
}

/**
 * A flow finding's path in one line: "**Path:** `connection_info` (line 212) → `msg` (line 230) →
 * `LOG.debug` (line 231)". Names come from the pull request: each is a code span; a step in
 * another file names it, escaped. Null for a finding without a path.
 */
export function flowLine(finding: Pick<Finding, 'path' | 'flow'>): string | null {
  if (!finding.flow || finding.flow.length === 0) return null;
  const steps = finding.flow.map((step) => {
    const where = step.path === finding.path ? `line ${step.line}` : `${escapeMarkdown(step.path)}, line ${step.line}`;
    return `${codeSpan(step.label)} (${where})`;
  });
  return `**Path:** ${steps.join(' → ')}`;
}
