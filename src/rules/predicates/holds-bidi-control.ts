import { expectTrue, type Predicate } from './predicate.js';

/**
 * The Unicode bidirectional formatting characters that reorder a span of text (embeddings,
 * overrides, isolates and the two that close them), the set Rust's and GCC's Trojan Source lints
 * use. The marks U+200E, U+200F and U+061C are left out: they reorder no span, only the neutral
 * characters beside them, and right-to-left text uses them legitimately.
 */
const BIDI_CONTROLS: ReadonlyMap<string, string> = new Map([
  ['\u202A', 'left-to-right embedding'],
  ['\u202B', 'right-to-left embedding'],
  ['\u202C', 'pop directional formatting'],
  ['\u202D', 'left-to-right override'],
  ['\u202E', 'right-to-left override'],
  ['\u2066', 'left-to-right isolate'],
  ['\u2067', 'right-to-left isolate'],
  ['\u2068', 'first strong isolate'],
  ['\u2069', 'pop directional isolate'],
]);

const ANY_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/** How many distinct characters a message names before "…": the point is to say what to look for. */
const MAX_NAMED = 3;

/**
 * The bidirectional control characters written literally in `text` (escapes such as `\u202e` are
 * not), as `U+202E (right-to-left override)` in order of first appearance, with the 0-based line
 * offset of the first one inside the text; null when there is none.
 */
export function bidiControlsIn(text: string): { names: string[]; lineOffset: number } | null {
  ANY_BIDI_CONTROL.lastIndex = 0;
  let first = -1;
  const seen = new Set<string>();
  for (let m = ANY_BIDI_CONTROL.exec(text); m; m = ANY_BIDI_CONTROL.exec(text)) {
    if (first < 0) first = m.index;
    seen.add(m[0]);
  }
  if (first < 0) return null;
  let lineOffset = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < first; i = text.indexOf('\n', i + 1)) lineOffset++;
  const names = [...seen].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()} (${BIDI_CONTROLS.get(c)})`);
  return { names, lineOffset };
}

/** The captured node's text holds a bidirectional control character; binds `{bidi}` (which ones) and `{bidi_line}` (the first one's line). */
export const holdsBidiControl: Predicate = {
  name: 'holds-bidi-control',
  description:
    'The captured node\'s text holds a Unicode bidirectional embedding, override or isolate character written literally (U+202A–U+202E, U+2066–U+2069: what Trojan Source, CVE-2021-42574, uses to make code read differently from how it runs); binds `{bidi}` to the characters, named (`U+202E (right-to-left override)`), and `{bidi_line}` to the line of the first, which may be below the node\'s first line in a multi-line string.',
  checkArg: expectTrue,
  binds: ['bidi', 'bidi_line'],
  condition: () => ({ kind: 'literals', literals: [...BIDI_CONTROLS.keys()], token: false }),
  test(node) {
    const found = bidiControlsIn(node.text);
    if (!found) return false;
    const named = found.names.length > MAX_NAMED ? [...found.names.slice(0, MAX_NAMED), '…'] : found.names;
    return { bidi: named.join(', '), bidi_line: String(node.startPosition.row + 1 + found.lineOffset) };
  },
};
