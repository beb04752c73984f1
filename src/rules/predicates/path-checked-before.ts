import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';
import { answerFromTextBefore, type TextBeforeCache } from './enclosing-scope.js';

/** A word one of the checks needs, so that most functions are dismissed by one test of their text. */
const CHECK_WORDS = /realpath|abspath|normpath|\.resolve\s*\(|['"]\.\.['"]\s+(?:not\s+)?in\b|check|valid|verif|ensure|saniti[sz]|safe|assert|within|inside|contain/i;

/** Calls that resolve a path, whose argument (or, for `.resolve()`, receiver) is then compared. */
const RESOLVING_CALL = /\b(?:realpath|abspath|normpath)\s*\(/g;
const RESOLVE_METHOD = /\.resolve\s*\(/g;
const RESOLVES = /\b(?:realpath|abspath|normpath)\s*\(|\.resolve\s*\(/;
/** A comparison that keeps a resolved path inside a folder. */
const CONTAINMENT = /\b(?:startswith|commonpath|commonprefix|is_relative_to|relative_to)\s*\(/;
const CONTAINMENT_CALL = /\b(?:commonpath|commonprefix)\s*\(/g;
const CONTAINMENT_METHOD = /\.(?:startswith|is_relative_to|relative_to)\s*\(/g;
/** A helper whose name says it checks a path: `check_iso_path`, `is_within_directory`, `validate_member_name`. */
const CHECKING_HELPER = /\b([A-Za-z_]\w*)\s*\(/g;
const CHECK_VERB = /check|valid|verif|ensure|saniti[sz]|safe|assert|within|inside|contain/i;
const PATH_NOUN = /path|name|member|file|dir|folder/i;

/** Longest argument text read after an opening parenthesis. */
const MAX_ARGS = 400;

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text between the parenthesis at `open` and its match (cut at MAX_ARGS), strings not parsed. */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_ARGS);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1, end);
}

/** True when some call matched by `pattern` in `text` holds `name` among its arguments (and, for a helper, is named as a check). */
function anyCallHolds(text: string, pattern: RegExp, name: RegExp, helper: boolean): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (helper && !(CHECK_VERB.test(m[1]!) && PATH_NOUN.test(m[1]!))) continue;
    if (name.test(argumentsAt(text, m.index + m[0].length - 1))) return true;
  }
  return false;
}

/** True when some method call matched by `pattern` has `name` in its receiver (on the same line, up to 80 characters before). */
function receiverOf(text: string, pattern: RegExp, name: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (name.test(text.slice(Math.max(lineStart, m.index - 80), m.index))) return true;
  }
  return false;
}

/**
 * Whether `text` (a function's text before a read of `name`) checks the path `name` holds: a
 * resolving call (`realpath`/`abspath`/`normpath`/`.resolve()`) and a containment test
 * (`startswith`, `commonpath`, `is_relative_to`), the name inside either (`realpath(x)`,
 * `x.resolve()`, `x.startswith(dest)`, `commonpath([dest, x])`); a `'..' in name` filter;
 * or a call to a helper named as a path check with `name` among its arguments.
 */
export function checksPath(text: string, name: string): boolean {
  if (!CHECK_WORDS.test(text)) return false;
  const n = escape(name);
  // The name itself, not an attribute or keyword of the same spelling (`x.name`, `name=`).
  const read = new RegExp(`(?<![\\w.])${n}\\b(?!\\s*=[^=])`);
  if (new RegExp(`['"]\\.\\.['"]\\s+(?:not\\s+)?in\\s+[^\\n]{0,80}?(?<![\\w.])${n}\\b`).test(text)) return true;
  if (CONTAINMENT.test(text) && RESOLVES.test(text)) {
    // The name resolved (`realpath(x)`, `x.resolve()`), or compared once resolved (`x = realpath(…)`,
    // then `x.startswith(dest)` or `commonpath([dest, x])`).
    if (anyCallHolds(text, RESOLVING_CALL, read, false) || anyCallHolds(text, CONTAINMENT_CALL, read, false)) return true;
    if (receiverOf(text, RESOLVE_METHOD, read) || receiverOf(text, CONTAINMENT_METHOD, read)) return true;
  }
  return anyCallHolds(text, CHECKING_HELPER, read, true);
}

const cache: TextBeforeCache = new WeakMap();

/**
 * True when the path the identifier holds was checked earlier in its function (or in the module,
 * at top level): see checksPath. Text, not branches: a check counts whichever way it went, as
 * for `validated-before`.
 */
export function isPathCheckedBefore(node: SyntaxNode): boolean {
  return answerFromTextBefore(node, cache, CHECK_WORDS, checksPath);
}

/** The captured name's path was checked before it is read (resolved and compared, a `'..'` filter, or a path-checking helper). */
export const pathCheckedBefore: Predicate = {
  name: 'path-checked-before',
  description:
    'The captured identifier holds a path checked earlier in its function: `os.path.realpath(x)` (or `abspath`, `normpath`, `x.resolve()`) with a `startswith`/`commonpath`/`is_relative_to` test, a `\'..\' in x` filter, or a call to a helper named as a path check (`check_iso_path(base, x)`, `is_within_directory(d, x)`) with `x` among its arguments. Read from the text before it, whichever branch the check took.',
  checkArg: expectTrue,
  test: (node) => isPathCheckedBefore(node),
};
