import type { SyntaxNode } from '../syntax.js';

// Each getter of a node in the tree-sitter binding (`id`, `startIndex`) is a call into C++, and the
// flow layer asks them hundreds of thousands of times per corpus. The binding copies a node's id
// (two 32-bit halves) and its tree-sitter context (start byte first) into the node object when it
// makes it; reading them there gives the getters' answers without the call. Checked against the
// getters on first use: if a version of the binding lays nodes out otherwise, the getters are used.

type Fields = SyntaxNode & Record<number, number>;

let checked: boolean | null = null;

function fieldsAgree(node: SyntaxNode): boolean {
  const f = node as Fields;
  return typeof f[0] === 'number' && typeof f[1] === 'number' && typeof f[2] === 'number' && f[1] * 2 ** 32 + f[0] === node.id && f[2] / 2 === node.startIndex;
}

function usable(node: SyntaxNode): boolean {
  checked ??= fieldsAgree(node);
  return checked;
}

/** `node.id`, without a call into the binding. */
export function idOf(node: SyntaxNode): number {
  if (!usable(node)) return node.id;
  const f = node as Fields;
  return f[1]! * 2 ** 32 + f[0]!;
}

/** `node.startIndex` (UTF-16 offset: the binding parses strings as UTF-16), without a call into the binding. */
export function startOf(node: SyntaxNode): number {
  if (!usable(node)) return node.startIndex;
  return (node as Fields)[2]! / 2;
}
