import { isNameChar } from './field-read.js';

/** Offsets where `name` occurs as a whole word in `text` from `start` to `end`, ascending. */
export function nameOccurrences(text: string, name: string, start: number, end: number): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name, start); i !== -1 && i < end; i = text.indexOf(name, i + 1)) {
    if (!isNameChar(text.charCodeAt(i - 1)) && !isNameChar(text.charCodeAt(i + name.length))) at.push(i);
  }
  return at;
}
