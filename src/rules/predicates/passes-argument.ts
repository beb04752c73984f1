import type { SyntaxNode } from '../../analysis/syntax.js';
import { hasDictSplat, keywordValue } from './keyword-argument.js';
import type { Predicate } from './predicate.js';

interface Arg {
  position?: number;
  keyword?: string;
}

const NOT_POSITIONAL = new Set(['keyword_argument', 'dictionary_splat', 'comment']);

/**
 * True when a call (or its argument list) passes the argument a parameter takes: the positional
 * argument at 1-based `position`, keyword `keyword`, or a `*args`/`**kwargs` that may hold either.
 */
export function passesArgument(callOrArgs: SyntaxNode, arg: Arg): boolean {
  const args = callOrArgs.type === 'call' ? callOrArgs.childForFieldName('arguments') : callOrArgs;
  if (args?.type !== 'argument_list') return false;
  if (arg.keyword !== undefined && (keywordValue(args, arg.keyword) !== null || hasDictSplat(args))) return true;
  if (arg.position === undefined) return false;
  let index = 0;
  for (const child of args.namedChildren) {
    if (NOT_POSITIONAL.has(child.type)) continue;
    index++;
    // `f(a, *rest)`: the splat may fill this position and every later one.
    if (child.type === 'list_splat' || child.type === 'parenthesized_list_splat') return true;
    if (index >= arg.position) return true;
  }
  return false;
}

/** The captured call passes the argument at `position` or named `keyword`, or a splat that may hold it. */
export const passesArgumentPredicate: Predicate = {
  name: 'passes-argument',
  description:
    'The captured call passes the argument a parameter takes: the positional argument at 1-based `position`, the keyword `keyword`, or `*args`/`**kwargs` that may hold it (`{position: 3, keyword: privKey}`). Use under `not:` for "called without a privacy key", where the parameter may be given either way.',
  checkArg(arg) {
    const a = arg as Record<string, unknown> | null;
    if (!a || typeof a !== 'object' || Array.isArray(a)) return 'takes {position: <1-based index>, keyword: <name>} (one or both)';
    const keys = Object.keys(a);
    if (keys.length === 0 || keys.some((k) => k !== 'position' && k !== 'keyword')) return 'takes position, keyword or both';
    if (a.position !== undefined && !(Number.isSafeInteger(a.position) && (a.position as number) >= 1)) return 'position must be an integer from 1';
    if (a.keyword !== undefined && !(typeof a.keyword === 'string' && /^[A-Za-z_]\w*$/.test(a.keyword))) return 'keyword must be a Python name';
    return null;
  },
  test: (node, arg) => passesArgument(node, arg as Arg),
};
