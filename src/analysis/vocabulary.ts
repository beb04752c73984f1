/**
 * The words rules ask about (names in `resolves-to`, `#eq?` strings, keywords), found in a source
 * by ONE regular expression pass instead of a search per word: where each occurs as a whole name.
 */
export class Vocabulary {
  readonly words: ReadonlySet<string>;
  /** The one regex of every word (global; exported for the backtracking test). */
  readonly pattern: RegExp | null;

  constructor(words: Iterable<string>) {
    const sorted = [...new Set(words)].filter((w) => NAME.test(w)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.words = new Set(sorted);
    // The character before a word is consumed (a digit may end a number right before a keyword: `1if`).
    this.pattern = sorted.length ? new RegExp(String.raw`(?:^|[^A-Za-z_\u0080-\uffff])(${sorted.join('|')})(?![\w\u0080-\uffff])`, 'g') : null;
  }

  /** Start offsets of every whole-name occurrence of each word in `source`. */
  find(source: string): Map<string, number[]> {
    const found = new Map<string, number[]>();
    const pattern = this.pattern;
    if (!pattern) return found;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
      const word = m[1]!;
      const offset = m.index + m[0].length - word.length;
      const offsets = found.get(word);
      if (offsets) offsets.push(offset);
      else found.set(word, [offset]);
      // Resume inside the word: a word may also start after a digit in it (`b64decode` holds
      // `decode`), as a search for that word alone would find it.
      pattern.lastIndex = offset + 1;
    }
    return found;
  }
}

const NAME = /^[A-Za-z_][\w]*$/;
