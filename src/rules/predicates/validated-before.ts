import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';
import { answerFromTextBefore, type TextBeforeCache } from './enclosing-scope.js';

/** A word a guard needs, so that most functions are dismissed by one test of their text. */
const GUARD_WORDS = /fullmatch|\bmatch\s*\(|\bin\s+(?:[A-Z_][A-Z0-9_]*\b|[([{])|ip_address|ip_network|ip_interface|is_uuid_like|isdigit|isalnum|isidentifier/;

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The guards that validate `name` as a whole: a full-match regex (`re.fullmatch(p, name)`,
 * `re.match(r'…$', name)`), membership in a constant set (`name in ALLOWED`, `name not in
 * ('a', 'b')`), an address or UUID parse, or a digits/identifier check.
 */
function guardOf(name: string): RegExp {
  const n = escape(name);
  const item = `(?:[rRbBuU]*'[^'\\n]*'|[rRbBuU]*"[^"\\n]*"|-?\\d+)`;
  return new RegExp(
    [
      `\\bfullmatch\\s*\\([^\\n]{0,200}?,\\s*${n}\\s*[,)]`,
      `\\.fullmatch\\s*\\(\\s*${n}\\s*[,)]`,
      `\\bmatch\\s*\\(\\s*[rRbB]*(['"])[^'"\\n]{0,200}(?:\\$|\\\\Z)\\1\\s*,\\s*${n}\\s*[,)]`,
      `(?<![\\w.])${n}\\s+(?:not\\s+)?in\\s+(?:[A-Z_][A-Z0-9_]*\\b(?!\\s*[.(\\[])|[([{](?:\\s*${item}\\s*,)*\\s*(?:${item}\\s*)?[)\\]}])`,
      `\\b(?:ip_address|ip_network|ip_interface|is_uuid_like)\\s*\\(\\s*${n}\\s*\\)`,
      `(?<![\\w.])${n}\\.(?:isdigit|isalnum|isidentifier)\\s*\\(\\s*\\)`,
    ].join('|'),
  );
}

const cache: TextBeforeCache = new WeakMap();

/**
 * True when the identifier's value was validated as a whole earlier in its function (or in the
 * module, at top level): the text of the function before the identifier holds a guard on the
 * same name. A guard checks the value, not the path taken, so `if x in ALLOWED: run(x)` and
 * `if x not in ALLOWED: raise …` both count; that is the price of reading text, not branches.
 */
export function isValidatedBefore(node: SyntaxNode): boolean {
  return answerFromTextBefore(node, cache, GUARD_WORDS, (text, name) => GUARD_WORDS.test(text) && guardOf(name).test(text));
}

/** The captured name was validated as a whole before it is read (full-match regex, constant set, address parse). */
export const validatedBefore: Predicate = {
  name: 'validated-before',
  description:
    'The captured identifier was validated as a whole earlier in its function: `re.fullmatch(p, x)`, `re.match(r"…$", x)`, `x in ALLOWED` / `x not in ("a", "b")`, `ipaddress.ip_address(x)`, `uuidutils.is_uuid_like(x)`, `x.isdigit()`. Read from the text before it, whichever branch the guard took.',
  checkArg: expectTrue,
  test: (node) => isValidatedBefore(node),
};
