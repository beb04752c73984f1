import type { OutStream } from './cli-io.js';

/** Fewer files than this finish before a bar would help; drawing one would only flicker. */
const MIN_FILES = 50;
const WIDTH = 30;

/** A progress bar on a terminal's stderr: `update` draws it (redrawing only when it moves), `finish` erases it. */
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

/** A bar that draws only when `stream` is a TTY and the review has many files; otherwise does nothing. */
export function progressBar(stream: OutStream): ProgressBar {
  let drawn = '';
  return {
    update(done, total) {
      if (!stream.isTTY || total < MIN_FILES) return;
      const filled = Math.round((done / total) * WIDTH);
      const text = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files`;
      // Redraw when the bar moves or every 10 files, not on every file: stderr writes are sync.
      if (text.slice(0, WIDTH + 2) === drawn.slice(0, WIDTH + 2) && done % 10 !== 0 && done !== total) return;
      stream.write(`\r${text}`);
      drawn = text;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = '';
    },
  };
}
