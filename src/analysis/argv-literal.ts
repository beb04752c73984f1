import { stringValue } from './string-literal.js';
import type { SyntaxNode } from './syntax.js';

/** Characters that make a shell do more than split words: with any of them, a list would change the meaning. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~={}%!\n\r]/;

/**
 * A constant shell command as a Python argument-list literal (`"ls -l /srv"` → `["ls", "-l", "/srv"]`),
 * when the shell would only split it into words (shlex.split of it is a plain whitespace split);
 * null for anything else — quoting, globs, variables, pipes, redirections, escapes, f-strings.
 */
export function argvLiteral(node: SyntaxNode): string | null {
  const value = stringValue(node);
  if (value === null || SHELL_SYNTAX.test(value)) return null;
  const words = value.split(/[ \t]+/).filter(Boolean);
  return words.length > 0 ? `[${words.map((w) => JSON.stringify(w)).join(', ')}]` : null;
}
