import type { SyntaxNode } from '../../analysis/syntax.js';
import type { Predicate } from './predicate.js';
import { enclosingScope } from './enclosing-scope.js';

interface Arg {
  keyword: string;
  calls: string[];
}

/** Answers by tree, then by `function id:name`: asked for each source node of one name in a function. */
const cache = new WeakMap<object, Map<string, boolean>>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The callee's last name: `post` of `self.session.post(...)`, `urlopen` of `urlopen(...)`. */
function calleeName(call: SyntaxNode): string | null {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text ?? null;
  return null;
}

/** True when some call in `scope` passes `keyword=name` and its callee's last name is one of `calls`. */
function scopeSends(scope: SyntaxNode, name: string, arg: Arg): boolean {
  const stack: SyntaxNode[] = [scope];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'keyword_argument') {
      const value = node.childForFieldName('value');
      const call = node.parent?.parent;
      if (
        node.childForFieldName('name')?.text === arg.keyword &&
        value?.type === 'identifier' &&
        value.text === name &&
        call?.type === 'call' &&
        arg.calls.includes(calleeName(call) ?? '')
      )
        return true;
      continue;
    }
    for (const child of node.namedChildren) stack.push(child);
  }
  return false;
}

/**
 * True when the captured name is, somewhere in its function (or the module, at top level), the
 * value of keyword argument `keyword` of a call whose callee's last name is one of `calls`:
 * `headers` in `session.post(url, headers=headers)`. Where it is passed is not weighed against
 * where it is read: the name is taken to stand for the same value throughout the function.
 */
export function sentAsKeyword(node: SyntaxNode, arg: Arg): boolean {
  if (node.type !== 'identifier') return false;
  const scope = enclosingScope(node);
  if (!scope) return false;
  let perTree = cache.get(node.tree);
  if (!perTree) cache.set(node.tree, (perTree = new Map()));
  const key = `${scope.id}:${node.text}:${arg.keyword}:${arg.calls.join(',')}`;
  let answer = perTree.get(key);
  if (answer === undefined) {
    // Most functions never write `keyword=name`: one test of their text dismisses them.
    const written = new RegExp(`(?<![\\w.])${escape(arg.keyword)}\\s*=\\s*${escape(node.text)}(?!\\w)`).test(scope.text);
    perTree.set(key, (answer = written && scopeSends(scope, node.text, arg)));
  }
  return answer;
}

/** The captured name is passed as `keyword=` to one of the listed calls in its function (`headers=headers` to `session.post`). */
export const sentAsKeywordPredicate: Predicate = {
  name: 'sent-as-keyword',
  description:
    'The captured identifier is, somewhere in its function (or the module, at top level), the value of the keyword argument `keyword` of a call whose callee\'s last name is one of `calls`: `{keyword: headers, calls: [post, request]}` holds for `headers` where the function also calls `self.session.post(url, headers=headers)`. Where the call is, before or after the capture, is not weighed.',
  checkArg(arg) {
    const a = arg as Record<string, unknown> | null;
    if (!a || typeof a !== 'object' || Array.isArray(a)) return 'takes {keyword: <name>, calls: [<last names>]}';
    if (Object.keys(a).some((k) => k !== 'keyword' && k !== 'calls')) return 'takes keyword and calls only';
    if (!(typeof a.keyword === 'string' && /^[A-Za-z_]\w*$/.test(a.keyword))) return 'keyword must be a Python name';
    const calls = a.calls;
    if (!(Array.isArray(calls) && calls.length > 0 && calls.every((c) => typeof c === 'string' && /^[A-Za-z_]\w*$/.test(c))))
      return 'calls must be a non-empty list of Python names';
    return null;
  },
  // No condition: the call it looks for is outside the captured node.
  test: (node, arg) => sentAsKeyword(node, arg as Arg),
};
