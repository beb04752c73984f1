import { braceExpand, Minimatch, type MinimatchOptions } from 'minimatch';

/**
 * Path globs, the one meaning shared by `scan`, `diff` and the app. The rules are .gitignore's:
 * a pattern with no `/` (a trailing one aside) matches a name at any depth, any other is
 * anchored at the repository root (a leading `/` or `./` only anchors); a trailing `/` matches
 * folders only; a pattern that matches a folder matches everything in it; `*`, `?` and `[…]`
 * stay inside one folder name and `**` spans folders; in a list the last pattern that matches
 * decides, and a leading `!` turns a match into a non-match. Braces (`{a,b}`, `{1..3}`), POSIX
 * classes and extglobs (`+(a|b)`) are minimatch's; dot files match like any others.
 *
 * Why minimatch 11 and these bounds: a config is written by whoever administers a repository
 * (or, through `_extends`, its organisation) and paths by whoever opens a pull request, and a
 * glob compiled to a RegExp backtracks on both: picomatch 4.0.7 (the newest) took 165 s for
 * `*a` twenty times then `*b` against a 40-character name, and 49 s for `**` + `/a/` six times
 * + `b` against a 60-folder path; minimatch 10 took 2.7 s for `*a` eight times. minimatch 11
 * matches each folder name with a Thompson NFA (no RegExp) and `**` without recursion, so a
 * match costs about pattern length × path length (test/config/glob.test.ts runs the hostile
 * shapes). What it leaves unbounded is brace expansion (`{a,b}` twenty times is a million
 * patterns, 7.7 s to compile), so a pattern is expanded here first and refused past
 * MAX_EXPANSIONS. MAX_GLOB_LENGTH also keeps the number of non-adjacent `**` under 200, past
 * which minimatch stops following them (a silent non-match).
 */

/** Longest pattern accepted, in characters. */
export const MAX_GLOB_LENGTH = 500;
/** Most patterns a config may list under `include` or under `exclude` (checked by parseConfig). */
export const MAX_GLOBS = 200;
/** Most patterns one pattern's braces may expand to. */
export const MAX_EXPANSIONS = 64;

/** A pattern that is refused: names it and says why. */
export class GlobError extends Error {
  constructor(
    readonly pattern: string,
    readonly problem: string,
  ) {
    super(`'${pattern}' ${problem}`);
    this.name = 'GlobError';
  }
}

/** A compiled list of globs. Paths are relative to the repository root (or absolute), with `/`. */
export interface GlobList {
  /** True when the last pattern matching `path` (or a folder above it) is not negated. */
  matches(path: string): boolean;
  /** True when every path inside `folder` matches, so a walk need not enter it. */
  matchesAllInside(folder: string): boolean;
}

/** Compiles `patterns`, or throws a GlobError naming the first one refused. */
export function compileGlobs(patterns: readonly string[]): GlobList {
  const key = patterns.join('\0');
  let list = cache.get(key);
  if (!list) {
    list = new CompiledList(patterns.flatMap(compileOne));
    if (cache.size >= 64) cache.clear();
    cache.set(key, list);
  }
  return list;
}

const cache = new Map<string, GlobList>();

const OPTIONS: MinimatchOptions = { dot: true, nobrace: true, nonegate: true, nocomment: true, platform: 'linux' };

/** One brace expansion of one pattern. */
interface Glob {
  negated: boolean;
  /** Matches the path itself (absent for a folder-only pattern). */
  self: Minimatch | null;
  /** Matches what is inside a matching folder: the pattern followed by `/**` (absent when `self` ends so already). */
  inside: Minimatch | null;
  /** Matches a folder whose whole content matches: the pattern without a trailing `/**`. */
  wholeFolder: Minimatch;
}

class CompiledList implements GlobList {
  private readonly negations: boolean;
  constructor(private readonly globs: readonly Glob[]) {
    this.negations = globs.some((g) => g.negated);
  }

  matches(path: string): boolean {
    for (let i = this.globs.length - 1; i >= 0; i--) {
      const g = this.globs[i]!;
      if (g.self?.match(path) || g.inside?.match(path)) return !g.negated;
    }
    return false;
  }

  matchesAllInside(folder: string): boolean {
    // With a negation anywhere, something inside might be taken back out: walk and decide per file.
    if (this.negations) return false;
    return this.globs.some((g) => g.wholeFolder.match(folder) || g.inside?.match(folder));
  }
}

function compileOne(pattern: string): Glob[] {
  if (pattern.length > MAX_GLOB_LENGTH) throw new GlobError(`${pattern.slice(0, 40)}…`, `is ${pattern.length} characters long; a pattern takes at most ${MAX_GLOB_LENGTH}`);
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const expanded = braceExpand(body, { braceExpandMax: MAX_EXPANSIONS + 1 });
  if (expanded.length > MAX_EXPANSIONS) throw new GlobError(pattern, `expands to more than ${MAX_EXPANSIONS} patterns through its braces`);
  return expanded.map((one) => {
    const problem = cannotMatch(one);
    if (problem) throw new GlobError(pattern, `cannot match any path: ${problem}`);
    // .gitignore: a slash at the start or in the middle anchors the pattern at the root.
    const folderOnly = one.endsWith('/');
    const trimmed = one.replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '');
    const anchored = /^\.?\//.test(one) || trimmed.includes('/');
    const glob = anchored ? trimmed : `**/${trimmed}`;
    const self = new Minimatch(glob, OPTIONS);
    if (self.set.length === 0) throw new GlobError(pattern, 'cannot match any path');
    // `X/**` matches all that is inside a folder matching X (never X itself).
    const base = glob.replace(/(?:\/\*\*)+$/, '') || '**';
    const wholeFolder = base === glob ? self : new Minimatch(base, OPTIONS);
    const inside = folderOnly || base === glob ? new Minimatch(`${glob}/**`, OPTIONS) : null;
    return { negated, self: folderOnly ? null : self, inside, wholeFolder };
  });
}

/** Why a brace-free pattern can match no path, or null. Paths are normalised: no `.`, `..` or empty folder names. */
function cannotMatch(pattern: string): string | null {
  const trimmed = pattern.replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '');
  if (trimmed === '') return 'it is empty once a leading `./` or `/` and a trailing `/` are taken off';
  if (trimmed.includes('\0')) return 'it holds a NUL character';
  const parts = trimmed.split('/');
  if (parts.some((p) => p === '.' || p === '..')) return 'paths are compared from the root without `.` or `..` folders';
  for (const part of parts) {
    const problem = syntaxProblem(part);
    if (problem) return problem;
  }
  return null;
}

const POSIX_CLASSES = new Set(['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit']);

/**
 * A syntax error in one folder name of a pattern, or null. minimatch (like fnmatch) would take an
 * unclosed `[` or `+(` literally, so `[abc` matched only a file named `[abc`: always a typo in a
 * config, so it is refused here, as are classes that match nothing (`[z-a]`, `[[:nope:]]`).
 */
function syntaxProblem(part: string): string | null {
  let depth = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if ('+*?@!'.includes(c) && part[i + 1] === '(') {
      depth++;
      i++;
    } else if (c === ')' && depth > 0) depth--;
    else if (c === '[') {
      const end = classEnd(part, i);
      if (typeof end === 'string') return end;
      i = end;
    }
  }
  return depth > 0 ? `'(' of an extglob in '${part}' is never closed` : null;
}

/** The index of the `]` closing the class opened at `start`, or why the class is wrong. */
function classEnd(part: string, start: number): number | string {
  let i = start + 1;
  if (part[i] === '!' || part[i] === '^') i++;
  // A `]` first in the class is a member, not its end.
  let previous: string | null = null;
  if (part[i] === ']') {
    previous = ']';
    i++;
  }
  for (; i < part.length; i++) {
    const c = part[i]!;
    if (c === ']') return i;
    if (c === '[' && part[i + 1] === ':') {
      const close = part.indexOf(':]', i + 2);
      if (close < 0) break;
      const name = part.slice(i + 2, close);
      if (!POSIX_CLASSES.has(name)) return `[:${name}:] in '${part}' is not a character class (known: ${[...POSIX_CLASSES].join(', ')})`;
      i = close + 1;
      previous = null;
      continue;
    }
    let member = c;
    if (c === '\\' && i + 1 < part.length) member = part[++i]!;
    if (c === '-' && previous !== null && part[i + 1] !== undefined && part[i + 1] !== ']') {
      let to = part[++i]!;
      if (to === '\\' && i + 1 < part.length) to = part[++i]!;
      if (to < previous) return `the range ${previous}-${to} in '${part}' is reversed, so its class matches nothing`;
      previous = null;
      continue;
    }
    previous = member;
  }
  return `'[' in '${part}' is never closed by ']' (write \\[ for a literal bracket)`;
}
