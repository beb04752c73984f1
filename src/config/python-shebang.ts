/**
 * Bytes of a file read to find its shebang: Linux reads at most 256 (BINPRM_BUF_SIZE) to find the
 * interpreter, so a longer first line does not run as written anyway.
 */
export const SHEBANG_PEEK_BYTES = 256;

/** `python`, `python3`, `python3.11`, `pypy3`: what pre-commit's identify counts as Python, and PyPy. */
const PYTHON_INTERPRETER = /^(?:python|pypy)(?:\d+(?:\.\d+)*)?$/;

/** env's options that take the next word as their value (`-u NAME`, `-C DIR`). */
const ENV_OPTIONS_WITH_VALUE = new Set(['-u', '--unset', '-C', '--chdir', '-P']);

/**
 * True when `head` (a file's first bytes) opens with a shebang naming a Python interpreter:
 * `#!/usr/bin/python3`, `#! /usr/local/bin/python3.11`, `#!/usr/bin/env python`,
 * `#!/usr/bin/env -S python3 -u`, `#!/usr/bin/env -i PYTHONPATH=. python3`. The interpreter is
 * the last path segment of the command (after `env`, its options and VAR=value assignments),
 * compared whole: `pythonista`, `bash`, `sh`, `perl` are not Python. `#!` must be the first two
 * bytes, as the kernel requires.
 */
export function isPythonShebang(head: Uint8Array | string): boolean {
  const text = typeof head === 'string' ? head.slice(0, SHEBANG_PEEK_BYTES) : Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, SHEBANG_PEEK_BYTES)).toString('latin1');
  if (!text.startsWith('#!')) return false;
  const end = text.search(/[\r\n]/);
  const words = (end === -1 ? text : text.slice(0, end)).slice(2).trim().split(/[ \t]+/);
  let command = words.shift() ?? '';
  if (basename(command) === 'env') {
    // `env -S "python3 -u"` passes one word the kernel did not split; env splits it.
    const rest = words.flatMap((w) => w.replace(/^["']|["']$/g, '').split(/[ \t]+/)).filter(Boolean);
    command = '';
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i]!;
      if (word === '--') {
        command = rest[i + 1] ?? '';
        break;
      }
      if (ENV_OPTIONS_WITH_VALUE.has(word)) i++;
      else if (/^-S[^ ]/.test(word)) {
        command = word.slice(2);
        break;
      }
      else if (word.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
      else {
        command = word;
        break;
      }
    }
  }
  return PYTHON_INTERPRETER.test(basename(command));
}

/** True when the file name at the end of `path` has no `.`: a script's name, not `x.sh` or `.bashrc`. */
export function hasNoExtension(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name !== '' && !name.includes('.');
}

function basename(command: string): string {
  return command.slice(command.lastIndexOf('/') + 1);
}
