import type { Finding, FlowStep, Level } from '../findings/finding.js';
import type { ReviewResult } from '../review.js';
import type { Rule } from '../rules/rule.js';
import { RULES_DOC_URL, ruleDocsAnchor } from './rule-docs-url.js';

export interface SarifOptions {
  /** diffsec's own version, for `tool.driver.version`. */
  toolVersion: string;
}

/** GitHub buckets security-severity as critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0. */
const SECURITY_SEVERITY: Record<Level, string> = { high: '8.0', medium: '5.5', low: '3.0' };
/** Severity decides the level: code scanning's default gate fails on `error`. */
const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };
/** The base every relative artifact URI is resolved against: the repository root. */
const SRCROOT = '%SRCROOT%';
/** diffsec's home page: the repository that holds docs/rules.md. */
export const PROJECT_URL = RULES_DOC_URL.replace(/\/blob\/.*$/, '');

/**
 * Renders a review as one SARIF 2.1.0 run that GitHub code scanning accepts: every rule that ran
 * (so code scanning can tell "ran and found nothing" and close fixed alerts) with its docs as
 * help, one result per in-scope finding (suppressed ones carry an `inSource` suppression), and
 * skipped files and errors as tool notifications. Paths are relative to the repository root
 * (the sources give them so: `diffsec diff` from git, `diffsec scan` through pathSource's nameFrom,
 * the app from GitHub), against `%SRCROOT%`, which `originalUriBaseIds` declares; each rule's
 * `helpUri` is its section of docs/rules.md.
 *
 * The finding's fingerprint goes in `partialFingerprints.primaryLocationLineHash`, the key GitHub
 * matches alerts on: it is content-based like GitHub's own, so alerts survive code moving, and it
 * works for API uploads that compute nothing. The upload-sarif action keeps a value it finds but
 * logs that it differs from the hash it would have computed. The fingerprint hashes the
 * root-relative path, so it is the same from any working folder. Pure.
 */
export function renderSarif(result: Pick<ReviewResult, 'findings' | 'skipped' | 'errors' | 'rules'> & Partial<Pick<ReviewResult, 'notes'>>, options: SarifOptions): string {
  const rules = [...result.rules].sort((a, b) => a.id.localeCompare(b.id));
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const notifications = [
    ...result.skipped.map((s) => ({ level: 'warning', message: { text: `Skipped ${s.path}: ${s.reason}` }, locations: [{ physicalLocation: { artifactLocation: artifact(s.path) } }] })),
    ...result.errors.map((e) => ({ level: 'warning', message: { text: e } })),
    ...(result.notes ?? []).map((n) => ({ level: 'note', message: { text: n } })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'diffsec', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: PROJECT_URL, rules: rules.map(toDescriptor) } },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository (the git work tree) that was analysed.' } } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: result.findings.map((f) => toResult(f, indexOf.get(f.ruleId))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toDescriptor(rule: Rule): Record<string, unknown> {
  const { why, fix, bad, good, references } = rule.docs;
  const text = [why, `How to fix: ${fix}`, `Example:\n${bad.trimEnd()}`, `Use instead:\n${good.trimEnd()}`, ...(references.length ? [`References:\n${references.join('\n')}`] : [])].join('\n\n');
  const markdown = [
    '## Why is this bad', '', why, '', '## How to fix it', '', fix, '',
    '## Example', '', '```python', bad.trimEnd(), '```', '', 'Use instead:', '', '```python', good.trimEnd(), '```',
    ...(references.length ? ['', '## References', '', ...references.map((r) => `- ${r}`)] : []),
  ].join('\n');
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: why },
    helpUri: `${RULES_DOC_URL}#${ruleDocsAnchor(rule)}`,
    help: { text, markdown },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ['security', `external/cwe/${rule.cwe.toLowerCase()}`, rule.family],
      precision: rule.confidence,
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function toResult(f: Finding, ruleIndex: number | undefined): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.path),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint },
    ...(f.flow && f.flow.length > 0 ? { codeFlows: [codeFlowOf(f.flow)] } : {}),
    ...(f.suppressed
      ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason ?? `suppressed by ${f.suppressed.comment}`, properties: { comment: f.suppressed.comment } }] }
      : {}),
    properties: { severity: f.severity, confidence: f.confidence, scope: f.scope },
  };
}

/** A flow finding's path as one SARIF thread flow, source first, each step a location with its label (code scanning shows it as the path). */
function codeFlowOf(flow: readonly FlowStep[]): Record<string, unknown> {
  return {
    threadFlows: [
      {
        locations: flow.map((step, index) => ({
          location: {
            physicalLocation: { artifactLocation: artifact(step.path), region: { startLine: step.line, startColumn: step.column } },
            message: { text: step.label },
          },
          executionOrder: index + 1,
        })),
      },
    ],
  };
}

/** A relative path becomes a URI against %SRCROOT%; an absolute one (a file outside the repository) a file: URI. */
function artifact(path: string): { uri: string; uriBaseId?: string } {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: SRCROOT };
}
