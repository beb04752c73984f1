import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isPythonShebang, SHEBANG_PEEK_BYTES } from '../config/python-shebang.js';

/**
 * The first `count` bytes of a file the caller saw as a regular file (a Dirent or stat said so),
 * or null when it cannot be read or is no longer a regular file. Opened non-blocking and checked
 * again on the descriptor: a FIFO swapped in meanwhile returns at once instead of waiting for a writer.
 */
export function firstBytes(absolute: string, count: number): Buffer | null {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return null;
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when the regular file at `absolute` opens with a Python shebang (see firstBytes: an unreadable one does not). */
export function opensWithPythonShebang(absolute: string): boolean {
  const head = firstBytes(absolute, SHEBANG_PEEK_BYTES);
  return head !== null && isPythonShebang(head);
}
