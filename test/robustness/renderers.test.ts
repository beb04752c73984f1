import { fillMessage } from '../../src/analysis/fill-template.js';
import type { Finding, SkippedFile } from '../../src/findings/finding.js';
import { CHECK_OUTPUT_LIMIT, checkRunTitle, renderCheckRunSummary, type NotInline } from '../../src/report/check-run-output.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderSarif } from '../../src/report/render-sarif.js';
import { renderText } from '../../src/report/render-text.js';
import { markersIn, renderReviewComment } from '../../src/report/review-comment.js';
import type { Rule } from '../../src/rules/rule.js';
import { makeFinding, makeStats } from '../helpers/make-finding.js';
import { makeRule } from '../helpers/make-rule.js';
import { ensure, expectBatterySurvives, type Area } from './battery.js';
import { hostilePath, hostileString } from './hostile-strings.js';
import { livePayload } from './markdown-liveness.js';
import type { Random } from './random.js';
import { batterySettings } from './settings.js';

const settings = batterySettings();
const rule = makeRule({ id: 'DS102', name: 'os-system' });

/** A review result whose every string that comes from the change (paths, quoted code, comments, reasons) is hostile. */
interface RenderCase {
  findings: Finding[];
  skipped: SkippedFile[];
  errors: string[];
  notInline: NotInline[];
  notes: string[];
}

const KINDS = ['hostile-findings', 'hostile-suppressions', 'hostile-skipped', 'many-findings', 'long-strings'] as const;
const HAZARDS = ['hazard-huge-result'] as const;

function finding(random: Random, i: number): Finding {
  const suppressed = random.chance(0.3) ? { comment: `# nosec ${hostileString(random)}`, ...(random.chance(0.5) ? { reason: hostileString(random) } : {}) } : null;
  const line = random.int(1, 5000);
  return makeFinding({
    ruleId: random.pick(['DS102', 'DS101', 'DS999']),
    path: random.chance(0.8) ? hostilePath(random) : `/abs/${hostilePath(random)}`,
    line,
    endLine: line + random.int(0, 3),
    // Messages are made as the engine makes them: a rule's template filled with hostile captured code.
    message: fillMessage('`os.system` runs `{command}` through a shell. {extra}', { command: hostileString(random), extra: random.chance(0.3) ? hostileString(random) : '' }),
    fingerprint: (i.toString(16) + '0123456789abcdef').slice(0, 16),
    scope: random.pick(['changed', 'file'] as const),
    severity: random.pick(['high', 'medium', 'low'] as const),
    suppressed,
    ...(random.chance(0.3) ? { fix: { startLine: line, endLine: line, replacement: hostileString(random) } } : {}),
  });
}

function generate(kind: string, random: Random): RenderCase {
  const n = kind === 'hazard-huge-result' ? 3_000 : kind === 'many-findings' ? random.size(50, 400) : random.int(0, 12);
  const findings = Array.from({ length: n }, (_, i) => finding(random, i));
  if (kind === 'hostile-suppressions') for (const f of findings) f.suppressed = { comment: `# diffsec: ignore[DS102] ${hostileString(random)}`, reason: hostileString(random) };
  // The engine quotes at most 60 characters of a capture (shortCode): 64 KB per value is already far past that.
  const long = (text: string) => text.slice(0, 65_536);
  if (kind === 'long-strings') for (const f of findings) f.message = fillMessage('`{code}` and {text}', { code: long(hostileString(random).repeat(random.size(1, 2000))), text: long(hostileString(random).repeat(random.size(1, 200))) });
  const m = kind === 'hostile-skipped' ? random.int(1, 40) : random.int(0, 3);
  return {
    findings,
    skipped: Array.from({ length: m }, () => ({ path: hostilePath(random), reason: random.chance(0.5) ? `analysis failed: ${hostileString(random)}` : 'binary file (contains NUL bytes)' })),
    errors: Array.from({ length: random.int(0, 3) }, () => `${hostilePath(random)}: rule DS102 failed at line 3: ${hostileString(random)}`),
    notInline: findings.filter(() => random.chance(0.2)).map((f) => ({ finding: f, why: random.chance(0.5) ? 'outside the diff' : hostileString(random) })),
    notes: random.chance(0.3) ? [`The diff of ${hostilePath(random)} is unknown: the whole file is in scope.`] : [],
  };
}

function check(c: RenderCase): void {
  const stats = makeStats({ files: c.findings.length + 1 });
  const result = { findings: c.findings, skipped: c.skipped, errors: c.errors, stats, rules: [rule] as Rule[] };

  // Check run: within GitHub's limit, nothing from the change live.
  const summary = renderCheckRunSummary({ ...result, failing: 1, notInline: c.notInline, notes: c.notes, blobUrl: 'https://github.com/o/r/blob/abc' });
  ensure(summary.length <= CHECK_OUTPUT_LIMIT, `check summary is ${summary.length} characters, over ${CHECK_OUTPUT_LIMIT}`);
  ensure(checkRunTitle(c.findings).length <= 255, 'check title over 255 characters');
  // Live markup is reported last, so that one known bug does not hide the other checks.
  const live: string[] = [];
  const liveInSummary = livePayload(summary);
  if (liveInSummary) live.push(`check summary: ${liveInSummary}`);

  // Review comments: one marker each (its own), nothing live.
  for (const f of c.findings.slice(0, 40)) {
    const body = renderReviewComment(f, rule, { startLine: f.line, endLine: f.endLine });
    const liveInComment = livePayload(body);
    if (liveInComment) live.push(`review comment: ${liveInComment}`);
    // publish-review reads markers with markersIn: it must find this finding's own marker and nothing else.
    const markers = markersIn(body);
    if (markers.length !== 1 || markers[0] !== `${f.ruleId}:${f.fingerprint}`) live.push(`review comment: markers read as ${JSON.stringify(markers)}, not only its own`);
  }

  // Text: no raw control characters from the change reach the terminal.
  const plain = renderText(result, { color: false });
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(plain);
  ensure(!control, `text output carries a raw control character U+${control?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  renderText(result, { color: true });

  // JSON and SARIF: valid documents that carry every string exactly.
  const json = JSON.parse(renderJson(result, { toolVersion: '0.0.0' }));
  ensure(json.findings.length === c.findings.length && json.findings.every((f: { path: string; message: string }, i: number) => f.path === c.findings[i]!.path && f.message === c.findings[i]!.message), 'JSON does not carry paths and messages exactly');
  ensure(json.skipped.every((s: SkippedFile, i: number) => s.path === c.skipped[i]!.path && s.reason === c.skipped[i]!.reason), 'JSON does not carry skipped files exactly');
  const sarif = JSON.parse(renderSarif(result, { toolVersion: '0.0.0' }));
  const results = sarif.runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
  ensure(results.length === c.findings.length, 'SARIF lost results');
  results.forEach((r, i) => {
    const uri = r.locations[0]!.physicalLocation.artifactLocation.uri.replace(/^file:\/\//, '');
    ensure(uri.split('/').map(decodeURIComponent).join('/') === c.findings[i]!.path, `SARIF uri does not decode to the path of finding ${i + 1}`);
  });
  ensure(live.length === 0, live[0]!);
}

const renderers: Area<RenderCase> = {
  name: 'renderers',
  kinds: KINDS,
  hazards: HAZARDS,
  generate,
  check,
  // Renderers are pure: nothing they throw is documented.
  allowed: () => false,
  boundMs: (c, s) => s.boundMs + c.findings.length,
  describe: (c) => `${c.findings.length} findings, ${c.skipped.length} skipped`,
};

describe('robustness: renderers (check run, review comment, text, JSON, SARIF)', () => {
  it(`survive ${settings.full ? 'the full battery' : 'a quick battery'} of hostile results`, () => expectBatterySurvives(renderers, { quick: 40, full: 1000 }, settings), 3_600_000);
});
