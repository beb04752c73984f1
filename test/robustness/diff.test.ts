import type { Hunk } from '../../src/diff/file-diff.js';
import { parsePatch, PatchError } from '../../src/diff/parse-patch.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { ensure, expectBatterySurvives, type Area } from './battery.js';
import { DIFF_HAZARDS, DIFF_KINDS, generateDiff, type DiffCase } from './diff-inputs.js';
import { batterySettings } from './settings.js';

const settings = batterySettings();
const HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const STATUSES = new Set(['added', 'modified', 'removed', 'renamed', 'copied']);

/** A line number a comment or a scope can use: a safe integer from 1. */
const isLineNumber = (n: number) => Number.isSafeInteger(n) && n >= 1;

function checkHunk(h: Hunk, where: string): void {
  for (const n of [h.oldStart, h.oldLines, h.newStart, h.newLines]) ensure(Number.isSafeInteger(n) && n >= 0, `${where}: header number ${n} is not a line number`);
  for (const n of [...h.added, ...h.removed]) ensure(isLineNumber(n), `${where}: ${n} is not a line number`);
}

/**
 * Reads a patch's hunks independently: each `@@` line and the body lines up to the next one,
 * counted by kind. A parse that does not throw must agree with these counts.
 */
function tally(lines: string[]): Array<{ header: string; added: number; removed: number; context: number; other: number }> {
  const hunks: ReturnType<typeof tally> = [];
  const end = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
  let other = 0;
  for (let i = 0; i < end; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.startsWith('@@')) hunks.push({ header: line, added: 0, removed: 0, context: 0, other: 0 });
    else {
      const h = hunks[hunks.length - 1];
      const marker = line[0];
      if (!h) other++;
      else if (marker === '+') h.added++;
      else if (marker === '-') h.removed++;
      else if (marker === ' ' || line === '') h.context++;
      else if (marker !== '\\') h.other++;
    }
  }
  if (other && hunks.length === 0) hunks.push({ header: '(none)', added: 0, removed: 0, context: 0, other });
  else if (other) hunks[0]!.other += other;
  return hunks;
}

function checkPatch(text: string): void {
  const hunks = parsePatch(text);
  hunks.forEach((h, i) => checkHunk(h, `hunk ${i + 1}`));
  // Every line is read: a header, a body line the header's counts cover, or a `\` marker.
  const expected = tally(text.split('\n'));
  ensure(hunks.length === expected.filter((h) => h.header !== '(none)').length, `unaccounted hunks: read ${hunks.length} of ${expected.length} (text outside any hunk is ignored, not an error)`);
  expected.forEach((t, i) => {
    const h = hunks[i]!;
    ensure(t.other === 0, `unaccounted lines in hunk ${i + 1}: ${t.other} line(s) neither header nor body were ignored`);
    ensure(h.added.length === t.added && h.removed.length === t.removed, `unaccounted lines in hunk ${i + 1}: read +${h.added.length}/-${h.removed.length}, the body has +${t.added}/-${t.removed}`);
    const m = HEADER.exec(t.header)!;
    const [oldLines, newLines] = [m[2] === undefined ? 1 : Number(m[2]), m[4] === undefined ? 1 : Number(m[4])];
    ensure(t.added + t.context === newLines && t.removed + t.context === oldLines, `unaccounted lines in hunk ${i + 1}: header ${JSON.stringify(t.header.slice(0, 60))} does not match its body (+${t.added} -${t.removed} ${t.context} context)`);
  });
}

function checkUnified(text: string): void {
  const files = parseUnifiedDiff(text);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const starts = lines.flatMap((l, i) => (l.startsWith('diff --git ') ? [i] : []));
  ensure(files.length === starts.length, `read ${files.length} files, the text has ${starts.length} "diff --git" lines`);
  files.forEach((f, i) => {
    ensure(typeof f.path === 'string' && f.path !== '', `file ${i + 1}: empty path`);
    ensure(STATUSES.has(f.status), `file ${i + 1}: status ${f.status}`);
    f.hunks.forEach((h, k) => checkHunk(h, `file ${i + 1} hunk ${k + 1}`));
    const section = lines.slice(starts[i]!, starts[i + 1] ?? lines.length);
    if (!section.some((l) => l === 'GIT binary patch')) {
      const headers = section.filter((l) => l.startsWith('@@')).length;
      ensure(f.hunks.length === headers, `unaccounted hunks in file ${i + 1}: read ${f.hunks.length} of ${headers}`);
    }
  });
}

const diff: Area<DiffCase> = {
  name: 'diff',
  kinds: DIFF_KINDS,
  hazards: DIFF_HAZARDS,
  generate: generateDiff,
  check: (c) => (c.form === 'patch' ? checkPatch(c.text) : checkUnified(c.text)),
  // A malformed patch may be refused with a PatchError (or, from parseUnifiedDiff's headers, a plain
  // Error) naming the line; never a TypeError, RangeError and the like.
  allowed: (e) => (e instanceof PatchError || e.constructor === Error) && /\bline \d+/.test(e.message),
  boundMs: (c, s) => s.boundMs + Math.round((3000 * c.text.length) / 1_000_000),
  describe: (c) => `${c.form}, ${c.text.length} chars`,
};

describe('robustness: diff parsers (parsePatch and parseUnifiedDiff)', () => {
  it(`survive ${settings.full ? 'the full battery' : 'a quick battery'} of generated diffs`, () => expectBatterySurvives(diff, { quick: 300, full: 2000 }, settings), 3_600_000);
});
