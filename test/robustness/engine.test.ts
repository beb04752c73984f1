import { scanSource } from '../../src/analysis/scan-source.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { Finding } from '../../src/findings/finding.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { runReview, type ChangedFile, type FileContent, type ReviewSource } from '../../src/review.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { ensure, expectBatterySurvives, type Area } from './battery.js';
import { ENGINE_HAZARDS, ENGINE_KINDS, generateSource, type SourceCase } from './python-sources.js';
import { batterySettings } from './settings.js';

const settings = batterySettings();
const rules = loadRules(bundledRulesDir());
const compiled = compileRules(rules);

/** Files listed with the hostile one: the review must go on and account for each. */
const COMPANIONS: Array<{ path: string; content: string | Error; status?: ChangedFile['status'] }> = [
  { path: 'companion/ok.py', content: 'import os\nos.system(cmd)\n' },
  { path: 'companion/gone.py', content: new Error('could not fetch: 404') },
  { path: 'companion/old.py', content: 'unused', status: 'removed' },
  { path: 'companion/README.md', content: 'os.system(x)' },
];

function memorySource(files: Array<{ path: string; content: Uint8Array | string | Error; status?: ChangedFile['status'] }>): ReviewSource {
  return {
    async listFiles() {
      return files.map((f) => ({ path: f.path, status: f.status ?? 'modified', diff: null }));
    },
    async *readFiles(paths: string[]): AsyncIterable<FileContent> {
      for (const path of paths) {
        const file = files.find((f) => f.path === path)!;
        if (file.content instanceof Error) yield { path, error: file.content.message };
        else yield { path, bytes: typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content };
      }
    },
  };
}

const key = (f: Pick<Finding, 'ruleId' | 'line' | 'column'>) => `${f.ruleId}:${f.line}:${f.column}`;

async function check(c: SourceCase): Promise<void> {
  const result = await runReview(memorySource([{ path: c.path, content: c.bytes }, ...COMPANIONS]), { config: DEFAULT_CONFIG, rules });

  // No file lost: each selected file analysed or skipped with a reason, never both, never neither.
  const selected = [c.path, 'companion/ok.py', 'companion/gone.py'];
  const skippedPaths = result.skipped.map((s) => s.path);
  ensure(new Set(skippedPaths).size === skippedPaths.length, `a file is listed as skipped twice: ${JSON.stringify(skippedPaths)}`);
  for (const s of result.skipped) ensure(typeof s.reason === 'string' && s.reason.trim() !== '', `skipped without a reason: ${JSON.stringify(s)}`);
  ensure(result.skipped.some((s) => s.path === 'companion/old.py' && /removed/.test(s.reason)), 'the removed companion is not listed as removed');
  ensure(result.skipped.some((s) => s.path === 'companion/gone.py'), 'the unreadable companion is not listed as skipped');
  ensure(!skippedPaths.includes('companion/README.md'), 'a file outside `include` was listed as skipped');
  const skippedSelected = selected.filter((p) => skippedPaths.includes(p));
  // A file diffsec failed on is listed (incomplete) and may also count as analysed (stopped early with findings so far).
  const incompleteCount = result.skipped.filter((s) => s.incomplete && selected.includes(s.path)).length;
  const unaccounted = selected.length - result.stats.files - (skippedSelected.length - incompleteCount);
  ensure(unaccounted >= 0 && unaccounted <= incompleteCount, `files lost: ${selected.length} selected, ${result.stats.files} analysed, ${skippedSelected.length} skipped (${incompleteCount} incomplete)`);
  ensure(result.findings.some((f) => f.path === 'companion/ok.py' && f.ruleId === 'DS102' && f.line === 2), 'the review did not go on to the next file (companion finding missing)');

  // The hostile file's fate.
  const skip = result.skipped.find((s) => s.path === c.path);
  // Stopped at the finding cap or the time budget is still analysed, and says so.
  const stoppedEarly = skip?.incomplete === true && /^(partly analysed|not fully analysed)/.test(skip.reason);
  if (c.fate === 'analysed') ensure(!skip || stoppedEarly, `expected to be analysed, skipped: ${skip?.reason}`);
  if (c.fate === 'skipped') ensure(skip && c.reason!.test(skip.reason), `expected to be skipped for ${c.reason}, got ${skip ? skip.reason : 'analysed'}`);
  if (skip && c.notReason) ensure(!c.notReason.test(skip.reason), `skipped for the wrong reason: ${skip.reason}`);

  // Findings are well formed and unique.
  const mine = result.findings.filter((f) => f.path === c.path);
  ensure(!skip || stoppedEarly || mine.length === 0, 'findings in a skipped file');
  const fingerprints = new Set<string>();
  for (const f of result.findings) {
    ensure(Number.isInteger(f.line) && f.line >= 1 && f.endLine >= f.line && f.column >= 1 && f.endColumn >= 1, `bad location ${key(f)}-${f.endLine}:${f.endColumn}`);
    ensure(/^[0-9a-f]{16}$/.test(f.fingerprint), `bad fingerprint ${f.fingerprint}`);
    ensure(!fingerprints.has(`${f.path}\0${f.fingerprint}`), `duplicate fingerprint ${f.fingerprint} at ${key(f)}`);
    fingerprints.add(`${f.path}\0${f.fingerprint}`);
    ensure(typeof f.message === 'string' && f.message.length > 0, `empty message at ${key(f)}`);
  }

  if (c.clean) ensure(!result.errors.some((e) => e.startsWith(`${c.path}: syntax errors`)), 'valid Python 3.12 reported as having syntax errors');

  // Line endings are parsed as Python reads them (\r\n, \r and \n each end a line), so the same
  // code is found; findings are placed on git's lines (\n only), as GitHub's diff shows them.
  const text = new TextDecoder().decode(c.bytes);
  const place = c.lfTwin !== undefined ? gitPlacement(c.lfTwin, text) : null;
  if (c.lfTwin !== undefined && !skip) {
    const expected = scanSource(c.path, c.lfTwin, compiled)
      .findings.map((f) => ({ ...f, ...place!(f.line, f.column) }))
      .map(key)
      .sort();
    const got = mine.map(key).sort();
    const ending = /\r(?!\n)/.test(text) ? 'lone CR' : 'CRLF';
    ensure(JSON.stringify(got) === JSON.stringify(expected), `${ending} line endings moved findings: ${got.slice(0, 4).join(' ')} instead of ${expected.slice(0, 4).join(' ')}`);
  }
  for (const line of skip ? [] : c.planted) {
    const at = place ? place(line, 1).line : line;
    ensure(mine.some((f) => f.ruleId === 'DS102' && f.line === at), `planted os.system call at line ${line} not reported (syntax upset the analysis)`);
  }
}

/**
 * Maps a position (1-based line and column) in `twin` (the program with `\n` endings) to the same
 * code's position in `mixed` (the program with `\r\n`, `\r` or `\n` endings) on git's lines.
 */
function gitPlacement(twin: string, mixed: string): (line: number, column: number) => { line: number; column: number } {
  const twinLineStarts = [0];
  for (let i = 0; i < twin.length; i++) if (twin[i] === '\n') twinLineStarts.push(i + 1);
  // Offset in mixed of each offset in twin: a twin `\n` stands for one or two characters of mixed.
  const toMixed = new Int32Array(twin.length + 1);
  let j = 0;
  for (let i = 0; i < twin.length; i++) {
    toMixed[i] = j;
    j += twin[i] === '\n' && mixed[j] === '\r' && mixed[j + 1] === '\n' ? 2 : 1;
  }
  toMixed[twin.length] = j;
  return (line, column) => {
    const offset = toMixed[twinLineStarts[line - 1]! + column - 1]!;
    const before = mixed.lastIndexOf('\n', offset - 1);
    let lines = 1;
    for (let k = mixed.indexOf('\n'); k !== -1 && k < offset; k = mixed.indexOf('\n', k + 1)) lines++;
    return { line: lines, column: offset - before };
  };
}

const engine: Area<SourceCase> = {
  name: 'engine',
  kinds: ENGINE_KINDS,
  hazards: ENGINE_HAZARDS,
  generate: generateSource,
  check,
  // Nothing the engine may throw is documented: every failure must become a skip reason or an error line.
  allowed: () => false,
  boundMs: (c, s) => s.boundMs + Math.round((3000 * c.bytes.length) / 1_000_000),
  describe: (c) => `${c.bytes.length} bytes`,
};

describe('robustness: engine (scanSource and runReview)', () => {
  it(`survives ${settings.full ? 'the full battery' : 'a quick battery'} of generated files`, () => expectBatterySurvives(engine, { quick: 60, full: 1000 }, settings), 3_600_000);
});
