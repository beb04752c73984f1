import { ADDING_METHODS } from './scope-definitions.js';

// What the text right after a name says about it: a read of one of its fields, or not. Text, not
// the tree: it is asked for every occurrence of a name in a function, to skip walking the function.

/** `.attr` after a name, and the character after it (spaces skipped); `\b` keeps `\w+` from giving back characters. */
const FIELD = /^[ \t]*\.[ \t]*(\w+)\b[ \t]*([\s\S]?)/;
const ASSIGNMENT = /^[ \t]*(?:[-+*\/%&|^@]|<<|>>|\*\*|\/\/)?=(?!=)/;

/**
 * True when the text at `from` (just after a name) reads a field of it or calls a method that
 * does not change it: `.uuid)`, `.get(`; false for `.x = v`, `.x += v`, `.update(`, `.pop(`, `.x: T`, a
 * `.x,` on a line whose top level assigns (`a.x, b = v`), and anything that is not `.attr`.
 */
export function isFieldRead(text: string, from: number): boolean {
  const rest = text.slice(from, from + 200);
  const field = FIELD.exec(rest);
  if (!field) return false;
  const after = rest.slice(field[0].length - field[2]!.length);
  if (ASSIGNMENT.test(after)) return false;
  // `.pop(` takes an entry out (a redaction, see redaction.ts): the walk must see it.
  if (field[2] === '(' && (ADDING_METHODS.has(field[1]!) || field[1] === 'pop')) return false;
  if (field[2] === ':') return false;
  if (field[2] === ',') {
    // A tuple target? Look for an assignment at this nesting level before the line ends.
    let depth = 0;
    let i = 0;
    for (; i < after.length && after[i] !== '\n'; i++) {
      const c = after[i]!;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (--depth < 0) return true;
      } else if (c === '=' && depth === 0 && !'=!<>'.includes(after[i - 1] ?? '') && after[i + 1] !== '=') return false;
    }
    // The line ended with no assignment; a line longer than the slice is not judged.
    return i < after.length;
  }
  return true;
}

/** A character that can continue a Python name (NaN, before the text's start or after its end, cannot). */
export function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 127;
}
