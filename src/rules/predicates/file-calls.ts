import { writtenName, type SyntaxNode } from '../../analysis/syntax.js';
import { expectStringList, type Predicate } from './predicate.js';

/** The last part of every callee written in a tree, found once per tree. */
const calleeNames = new WeakMap<object, ReadonlySet<string>>();

function calleesOf(tree: SyntaxNode['tree']): ReadonlySet<string> {
  let names = calleeNames.get(tree);
  if (!names) {
    names = new Set(tree.rootNode.descendantsOfType('call').map((call) => writtenName(call.childForFieldName('function'))).filter((n): n is string => n !== null));
    calleeNames.set(tree, names);
  }
  return names;
}

/** `emit` is the name itself, `*Notification` a suffix, `notify_*` a prefix. */
function matchesWrittenName(name: string, pattern: string): boolean {
  if (pattern.startsWith('*')) return name.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
  return name === pattern;
}

/**
 * The file calls something written with one of the listed names, wherever the call is: a file
 * that builds a `*Payload(...)` object sends notifications only if it also calls `.emit(...)` or
 * a `*Notification(...)` class.
 */
export const fileCalls: Predicate = {
  name: 'file-calls',
  description:
    'The file holds a call whose callee, as written, ends with one of the listed names (`emit` of `notification.emit(ctx)`, `InstanceActionNotification` of `instance_notification.InstanceActionNotification(...)`); a leading `*` matches any prefix of the name, a trailing `*` any suffix. Names are not resolved through imports; the capture is not inspected, only its file.',
  checkArg(arg) {
    const problem = expectStringList(arg);
    if (problem) return problem;
    return (arg as string[]).some((p) => p === '*' || p.includes('.') || p.slice(1, -1).includes('*'))
      ? 'takes names with at most a leading or trailing `*` (no dots, not `*` alone)'
      : null;
  },
  test(node, arg) {
    const names = calleesOf(node.tree);
    const patterns = arg as string[];
    for (const name of names) if (patterns.some((p) => matchesWrittenName(name, p))) return true;
    return false;
  },
};
