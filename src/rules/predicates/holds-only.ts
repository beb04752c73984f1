import type { ImportMap } from '../../analysis/import-map.js';
import { idOf } from '../../analysis/flow/node-fields.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { valuesOf } from './bound-to-call.js';
import { isParameterDefault } from './constant-binding.js';
import { matchesNamePattern } from './name-pattern.js';
import { expectStringList, type Predicate } from './predicate.js';

/** Names copied from one to another (`s = sig`) are followed this far. */
const MAX_HOPS = 4;

/** The expression names one of `names`, or calls one: `signal.SIG_DFL`, `zipfile.ZipFile(path)`. */
function isNamedValue(value: SyntaxNode, names: string[], imports: ImportMap): boolean {
  const n = value.type === 'call' ? value.childForFieldName('function') : value;
  const name = n && (n.type === 'identifier' || n.type === 'attribute') ? imports.qualifiedName(n) : null;
  return name !== null && matchesNamePattern(name, names);
}

/**
 * True when `node` is, or as a name holds on every path that reaches it, one of `names` or the
 * result of a call to one: `signal.SIGHUP`, `sig` after `sig = signal.SIGHUP` on every branch, `zfd`
 * after `with zipfile.ZipFile(p) as zfd:`. A parameter (its default is only what a caller may
 * leave), a name with no definition, or any other value on one path makes it false.
 */
export function holdsOnly(node: SyntaxNode, names: string[], imports: ImportMap): boolean {
  return holdsOnlyWhere(node, imports, (value) => isNamedValue(value, names, imports));
}

/** Nested choices this deep are not split further (the whole expression is then tested as is). */
const MAX_CHOICES = 8;

/**
 * The values an expression may take, parentheses stripped: both branches of a conditional
 * expression (`signal.SIGKILL if force else signal.SIGTERM`, nested ones too), the condition left
 * out; any other expression is its own only value.
 */
function alternatives(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  const n = unwrapParens(node);
  if (n.type === 'conditional_expression' && out.length < MAX_CHOICES) {
    const [consequence, , alternative] = n.namedChildren.filter((c) => c.type !== 'comment');
    if (consequence && alternative) {
      alternatives(consequence, out);
      alternatives(alternative, out);
      return out;
    }
  }
  out.push(n);
  return out;
}

/**
 * True when `node` passes `test`, or is a name that holds, on every path reaching where it is read,
 * values that pass it (names copied from one another are followed). A conditional expression, read
 * or assigned, holds what both its branches hold. Parameters fail.
 */
export function holdsOnlyWhere(node: SyntaxNode, imports: ImportMap, test: (value: SyntaxNode) => boolean): boolean {
  let frontier: SyntaxNode[] = [];
  for (const start of alternatives(node)) {
    if (test(start)) continue;
    if (start.type !== 'identifier') return false;
    frontier.push(start);
  }
  const seen = new Set<number>();
  for (let hop = 0; hop <= MAX_HOPS && frontier.length > 0; hop++) {
    const next: SyntaxNode[] = [];
    for (const name of frontier) {
      if (seen.has(idOf(name))) continue;
      seen.add(idOf(name));
      const values = valuesOf(name, imports);
      if (values.length === 0) return false;
      for (const raw of values) {
        if (!raw || isParameterDefault(raw)) return false;
        for (const value of alternatives(raw)) {
          if (test(value)) continue;
          if (value.type === 'identifier') next.push(value);
          else return false;
        }
      }
    }
    frontier = next;
  }
  // Copies left unfollowed are not known to hold one.
  return frontier.every((n) => seen.has(idOf(n)));
}

/** The capture is one of the listed names or a call to one, or a name that holds only such values where it is read. */
export const holdsOnlyPredicate: Predicate = {
  name: 'holds-only',
  description:
    "The captured expression is one of the listed dotted names or a call to one (resolved through imports; a trailing `*` matches a prefix), or a name that, where it is read, holds such a value on every path that reaches it (`sig = signal.SIGHUP`, `with zipfile.ZipFile(p) as zf:`), directly or through copies; a conditional expression holds what both its branches hold (`signal.SIGKILL if force else signal.SIGTERM`, assigned or written in place); a parameter or any other value on one path makes it false.",
  checkArg: expectStringList,
  // No condition: the value it looks for may be outside the captured node.
  test: (node, arg, ctx) => holdsOnly(node, arg as string[], ctx.imports),
};
