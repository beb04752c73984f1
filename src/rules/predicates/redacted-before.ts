import { isSecretName } from '../../analysis/secret-names.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { isMaskValue, keyPathOf, poppedPath, type KeyPath } from '../../analysis/flow/redaction.js';
import { statementsBefore } from './statements-before.js';

// octavia's policy check: `credentials.pop('auth_token', None)`, then the credentials logged.
// The flow rules read such a redaction on every path (see redaction.ts); the rules that look at
// one expression ask this instead.

/** The secret-named key a statement removes from, or blanks in, the dict named `name`; null for any other statement. */
function redactedKey(statement: SyntaxNode, name: string): string | null {
  const of = (path: KeyPath | null) => (path && path.root.text === name && path.keys.length === 1 && isSecretName(path.keys[0]!) ? path.keys[0]! : null);
  const expression = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
  if (expression?.type === 'call') return of(poppedPath(expression));
  if (expression?.type === 'assignment' && isMaskValue(expression.childForFieldName('right'))) return of(keyPathOf(expression.childForFieldName('left')));
  if (statement.type === 'delete_statement') {
    for (const target of statement.namedChildren) {
      const key = target.type === 'subscript' ? of(keyPathOf(target)) : null;
      if (key) return key;
    }
  }
  return null;
}

/**
 * True when, before `identifier` is read, its function takes a secret-named key out of the dict
 * the name holds (`d.pop('auth_token', None)`, `del d['password']`, `d['token'] = '***'`) in a
 * statement that runs on every path to the read: one earlier in the read's own block or in a block
 * around it, not inside a branch. One secret key gone stands for the dict's, as in the flow layer.
 */
export function redactedBefore(identifier: SyntaxNode): boolean {
  if (identifier.type !== 'identifier') return false;
  const name = identifier.text;
  for (const statement of statementsBefore(identifier)) {
    if (redactedKey(statement, name)) return true;
  }
  return false;
}
