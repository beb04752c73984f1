/**
 * Lines as GitHub and git count them: split on `\n` only (a `\r` before it belongs to the line's
 * end). Maps a source offset (UTF-16 units, as tree-sitter's indices over a string) to its line
 * and column in O(log lines), so a finding is placed without reading its line.
 */
export class LineTable {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Lines, the last one counted even when empty (as `source.split('\n').length`). */
  get count(): number {
    return this.starts.length;
  }

  /** 1-based line and 0-based column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! };
  }

  /** Offset where a 1-based line starts. */
  start(line: number): number {
    return this.starts[line - 1] ?? this.source.length;
  }

  /** Offset where a 1-based line's text ends (before its `\r\n` or `\n`). */
  end(line: number): number {
    const next = this.starts[line];
    if (next === undefined) return this.source.length;
    return this.source.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /** A 1-based line's text, without its line break (a `\r` before `\n` dropped, as for a fix). */
  text(line: number): string {
    return this.source.slice(this.start(line), this.end(line));
  }
}
