import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/package-root.js';
import { hostilePath } from './hostile-strings.js';
import type { Random } from './random.js';

/** A diff case: text for parsePatch (`patch`, GitHub's per-file form) or parseUnifiedDiff (`unified`). */
export interface DiffCase {
  form: 'patch' | 'unified';
  text: string;
}

export const DIFF_KINDS = [
  'random-patch',
  'lying-header',
  'huge-numbers',
  'garbage',
  'binary-marker',
  'no-newline-marker',
  'crlf',
  'mutated-real',
  'random-unified',
] as const;

export const DIFF_HAZARDS = ['hazard-huge-patch', 'hazard-many-hunks', 'hazard-claimed-lines'] as const;

const FIXTURES = join(packageRoot(), 'test/fixtures/diffs');
const REAL = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.diff'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

const NO_NEWLINE = '\\ No newline at end of file';

/** A well-formed hunk: header counts match its body. */
function hunk(random: Random, oldStart: number, newStart: number): { lines: string[]; oldLines: number; newLines: number } {
  const body: string[] = [];
  let oldLines = 0;
  let newLines = 0;
  for (let i = random.size(1, 60); i > 0; i--) {
    const marker = random.pick([' ', ' ', '+', '-']);
    const text = random.pick(['x = 1', 'os.system(cmd)', '', '@@ not a header', '+++ b/x', '--- a/x', 'diff --git a/x b/x', '\\', '\ttab', 'é日😀']);
    body.push(marker + text);
    if (marker !== '+') oldLines++;
    if (marker !== '-') newLines++;
  }
  const header = `@@ -${oldLines ? oldStart : 0},${oldLines} +${newLines ? newStart : 0},${newLines} @@${random.chance(0.5) ? ' def f():' : ''}`;
  return { lines: [header, ...body], oldLines, newLines };
}

/** A well-formed patch of several hunks. */
function patchLines(random: Random): string[] {
  const lines: string[] = [];
  let oldStart = random.int(1, 50);
  let newStart = oldStart;
  for (let h = random.int(1, 6); h > 0; h--) {
    const made = hunk(random, oldStart, newStart);
    lines.push(...made.lines);
    oldStart += made.oldLines + random.int(1, 40);
    newStart += made.newLines + random.int(1, 40);
  }
  return lines;
}

/** A git diff of several files: renames, copies, modes, binaries, quoted and hostile paths. */
function unifiedLines(random: Random): string[] {
  const lines: string[] = [];
  for (let f = random.int(1, 6); f > 0; f--) {
    const path = random.chance(0.3) ? hostilePath(random).replace(/[\n\r]/g, '_') : `dir/f${f}.py`;
    const quoted = random.chance(0.3);
    const q = (side: string) => (quoted ? `"${side}/${path.replace(/["\\]/g, '\\$&')}"` : `${side}/${path}`);
    lines.push(`diff --git ${q('a')} ${q('b')}`);
    const shape = random.int(0, 5);
    if (shape === 0) lines.push('new file mode 100644', 'index 0000000..1111111', '--- /dev/null', `+++ ${q('b')}`);
    else if (shape === 1) lines.push('deleted file mode 100644', 'index 1111111..0000000', `--- ${q('a')}`, '+++ /dev/null');
    else if (shape === 2) lines.push('similarity index 90%', `rename from ${path}`, `rename to ${path}.new`, `--- ${q('a')}`, `+++ ${q('b')}`);
    else if (shape === 3) {
      lines.push('old mode 100644', 'new mode 100755');
      continue;
    } else if (shape === 4) {
      lines.push('index 1111111..2222222', `Binary files ${q('a')} and ${q('b')} differ`);
      continue;
    } else lines.push('index 1111111..2222222 100644', `--- ${q('a')}`, `+++ ${q('b')}`);
    lines.push(...patchLines(random));
  }
  return lines;
}

/** Random line edits: delete, duplicate, swap, insert junk, change a number, cut the text short. */
function mutate(random: Random, lines: string[]): string[] {
  const out = [...lines];
  for (let m = random.int(1, 6); m > 0 && out.length; m--) {
    const i = random.int(0, out.length - 1);
    switch (random.int(0, 6)) {
      case 0: out.splice(i, 1); break;
      case 1: out.splice(i, 0, out[i]!); break;
      case 2: { const j = random.int(0, out.length - 1); [out[i], out[j]] = [out[j]!, out[i]!]; break; }
      case 3: out.splice(i, 0, random.pick(['garbage', '@@', '@@ -1 +1 @@', '@@ -a,b +c,d @@', NO_NEWLINE, 'Binary files a/x and b/x differ', 'GIT binary patch', '', '\r', 'diff --git', 'diff --git "a/x', 'rename from ', 'copy to "\\', '+++ ', '--- '])); break;
      case 4: out[i] = out[i]!.replace(/\d+/, () => random.pick(['0', '999999999', '99999999999999999999', '-1', '1e3', '9007199254740993'])); break;
      case 5: out.length = i; break;
      default: out[i] = out[i]!.slice(0, random.int(0, out[i]!.length));
    }
  }
  return out;
}

/** Generates one diff case of `kind`. */
export function generateDiff(kind: string, random: Random): DiffCase {
  switch (kind) {
    case 'random-patch':
      return { form: 'patch', text: patchLines(random).join('\n') + random.pick(['', '\n']) };
    case 'lying-header': {
      const lines = patchLines(random);
      const headers = lines.flatMap((l, i) => (l.startsWith('@@') ? [i] : []));
      const i = random.pick(headers);
      lines[i] = random.pick([
        () => lines[i]!.replace(/\+(\d+),(\d+)/, (_, s, n) => `+${s},${Number(n) + random.int(1, 50)}`),
        () => lines[i]!.replace(/\+(\d+),(\d+)/, (_, s, n) => `+${s},${Math.max(0, Number(n) - random.int(1, 5))}`),
        () => lines[i]!.replace(/-(\d+),(\d+)/, (_, s, n) => `-${s},${Number(n) + random.int(1, 50)}`),
        () => lines[i]!.replace(/-(\d+),(\d+)/, (_, s, n) => `-${s},${Math.max(0, Number(n) - random.int(1, 5))}`),
        () => '@@ -0,0 +999999999,2 @@',
        () => '@@ -0,0 +0,2 @@',
        () => lines[i]!.replace(/,\d+/g, ''),
      ])();
      return { form: random.chance(0.7) ? 'patch' : 'unified', text: (random.chance(0.3) ? ['diff --git a/x.py b/x.py', '--- a/x.py', '+++ b/x.py'] : []).concat(lines).join('\n') };
    }
    case 'huge-numbers': {
      const n = () => random.pick(['0', '1', '4294967296', '9007199254740993', '99999999999999999999', '1'.repeat(400)]);
      const body = random.repeat(random.int(0, 5), () => random.pick(['+a', '-b', ' c']), '\n');
      return { form: random.pick(['patch', 'unified'] as const), text: `${random.chance(0.5) ? 'diff --git a/x b/x\n' : ''}@@ -${n()},${n()} +${n()},${n()} @@\n${body}` };
    }
    case 'garbage': {
      const text = random.chance(0.5) ? new TextDecoder().decode(random.bytes(random.size(0, 20_000))) : random.unicode(random.size(0, 5_000));
      return { form: random.pick(['patch', 'unified'] as const), text };
    }
    case 'binary-marker':
      return {
        form: random.pick(['patch', 'unified'] as const),
        text: random.pick(['Binary files a/x.py and b/x.py differ', 'GIT binary patch\nliteral 12\nTcmZ?d00001\n', 'diff --git a/x.py b/x.py\nindex 1..2\nBinary files a/x.py and b/x.py differ\n', 'diff --git a/x.py b/x.py\nGIT binary patch\nliteral 0\nHcmV?d00001\n\nliteral 0\nHcmV?d00001\n']),
      };
    case 'no-newline-marker': {
      const lines = random.chance(0.5) ? patchLines(random) : unifiedLines(random);
      for (let k = random.int(1, 4); k > 0; k--) lines.splice(random.int(0, lines.length), 0, NO_NEWLINE);
      return { form: lines[0]!.startsWith('diff') ? 'unified' : 'patch', text: lines.join('\n') };
    }
    case 'crlf': {
      const lines = random.chance(0.5) ? patchLines(random) : unifiedLines(random);
      return { form: lines[0]!.startsWith('diff') ? 'unified' : 'patch', text: lines.map((l) => l + random.pick(['\r', '', '\r'])).join('\n') + '\r\n' };
    }
    case 'mutated-real': {
      const lines = random.chance(0.5) ? random.pick(REAL).split('\n') : unifiedLines(random);
      return { form: 'unified', text: mutate(random, lines).join('\n') };
    }
    case 'random-unified':
      return { form: 'unified', text: unifiedLines(random).join('\n') + '\n' };
    case 'hazard-huge-patch':
      return { form: 'patch', text: `@@ -1,0 +1,200000 @@\n${'+x = os.system(cmd)\n'.repeat(200_000)}` };
    case 'hazard-many-hunks':
      return { form: 'unified', text: `diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n${random.repeat(50_000, (i) => `@@ -${i * 3 + 1},1 +${i * 3 + 1},1 @@\n-a\n+b`, '\n')}\n` };
    case 'hazard-claimed-lines':
      // A header that claims a billion lines over a short body must not make anything allocate or loop per claimed line.
      return { form: random.pick(['patch', 'unified'] as const), text: `diff --git a/x.py b/x.py\n@@ -1,1000000000 +1,1000000000 @@\n a\n+b\n-c\n` };
    default:
      throw new Error(`no diff generator for kind ${kind}`);
  }
}
