import type { ImportMap } from '../../analysis/import-map.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** True when `node` is a call whose callee, resolved through the file's imports, is one of `names` (a trailing `*` matches a prefix). */
export function callsOneOf(node: SyntaxNode, names: readonly string[], imports: ImportMap): boolean {
  const n = unwrapParens(node);
  if (n.type !== 'call') return false;
  const callee = n.childForFieldName('function');
  const name = callee ? imports.qualifiedName(callee) : null;
  return name !== null && matchesNamePattern(name, names);
}

/** The capture is a call whose callee, resolved through imports, is one of the listed names. */
export const isCallTo: Predicate = {
  name: 'is-call-to',
  description:
    'The captured expression is a call whose callee, resolved through the file\'s imports, is one of the listed dotted names (a trailing `*` matches a prefix): under `not:`, "unless the value comes from `select_autoescape(...)`" or "unless it is `escape(...)`".',
  checkArg: expectStringList,
  test: (node, arg, ctx) => callsOneOf(node, arg as string[], ctx.imports),
};
