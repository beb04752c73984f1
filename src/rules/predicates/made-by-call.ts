import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { inItOrItsBinding } from './fills-only-constants.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

// pyhelm3 runs `shell_formatted_command = shlex.join(...)` through `asyncio.create_subprocess_shell`:
// the command line is what one call made. Read through the one binding constant-binding finds, not
// every reaching definition (`holds-only`'s walk costs a search per call, and a file of thousands of
// `os.system(cmd)` asks it thousands of times).

/** A call to one of `names` (resolved through imports). */
function isCallTo(value: SyntaxNode, names: string[], imports: ImportMap): boolean {
  const n = unwrapParens(value);
  const fn = n.type === 'call' ? n.childForFieldName('function') : null;
  const name = fn ? imports.qualifiedName(fn) : null;
  return name !== null && matchesNamePattern(name, names);
}

/** The capture is a call to one of the listed names, or a name bound once to one. */
export const madeByCall: Predicate = {
  name: 'made-by-call',
  description:
    'The captured expression is a call to one of the listed dotted names (resolved through imports; a trailing `*` matches a prefix), or a name bound once to such a call (as `constant-binding` finds it: the one assignment in the function, or the one just before the read): `shell_formatted_command = shlex.join(parts)` before `create_subprocess_shell(shell_formatted_command)`. Use under `not:`.',
  checkArg: expectStringList,
  test: (node, arg, ctx) => inItOrItsBinding(node, (value) => isCallTo(value, arg as string[], ctx.imports)),
};
