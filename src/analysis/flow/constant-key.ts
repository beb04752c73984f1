import { stringValue } from '../string-literal.js';
import type { SyntaxNode } from '../syntax.js';

/** The constant text of a string subscript or key (`'password'`), else undefined. */
export function constantKey(node: SyntaxNode | null): string | undefined {
  if (node?.type !== 'string') return undefined;
  return stringValue(node) ?? undefined;
}
