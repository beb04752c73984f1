import { stringValue } from '../string-literal.js';
import type { SyntaxNode } from '../syntax.js';

/** The constant text of a string subscript or key (`'password'`), else undefined. */
export function constantKey(node: SyntaxNode | null): string | undefined {
  if (node?.type !== 'string') return undefined;
  return stringValue(node) ?? undefined;
}

/** The position a constant integer subscript reads (`0` in `cmd[0]`), else undefined (negative or computed indexes too). */
export function constantPosition(node: SyntaxNode | null): number | undefined {
  if (node?.type !== 'integer' || !/^\d+$/.test(node.text)) return undefined;
  const n = Number(node.text);
  return Number.isSafeInteger(n) ? n : undefined;
}
