import { isConstantString } from '../../analysis/string-literal.js';
import { isSecretName } from '../../analysis/secret-names.js';
import { unwrapParens, type SyntaxNode } from '../../analysis/syntax.js';
import { constantBinding } from './constant-binding.js';
import { expectTrue, type Predicate } from './predicate.js';

// Atmosphere's storage filter: `ceph_secret = (backend.user, secret_uuid)`, then `if ceph_secret in
// seen_ceph_secrets: continue`. Named for a libvirt secret, the value is a pair of identifiers that
// deduplicates the list, not a secret a guess is compared with.

/** Calls that give their one argument's text again. */
const TEXT_OF = new Set(['str']);

/** A part of such a tuple that is no secret: a constant string, a name or attribute not named for one, or `str()` of such. */
function isPlainPart(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (isConstantString(n)) return true;
  if (n.type === 'identifier' || n.type === 'attribute') return !isSecretName(n.text);
  if (n.type !== 'call') return false;
  const fn = n.childForFieldName('function');
  const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return fn?.type === 'identifier' && TEXT_OF.has(fn.text) && args.length === 1 && isPlainPart(args[0]!);
}

/**
 * True when `node` is a name bound (see constantBinding) to a tuple or list written out whose
 * every part is a constant string or a value not named for a secret (`(backend.user, secret_uuid)`):
 * a record of identifiers, whatever the name says.
 */
export function holdsTupleOfIds(node: SyntaxNode): boolean {
  if (node.type !== 'identifier') return false;
  const bound = constantBinding(node);
  const display = bound ? unwrapParens(bound) : null;
  if (!display || (display.type !== 'tuple' && display.type !== 'list')) return false;
  const parts = display.namedChildren.filter((c) => c.type !== 'comment');
  return parts.length > 0 && parts.every(isPlainPart);
}

export const holdsTupleOfIdsPredicate: Predicate = {
  name: 'holds-tuple-of-ids',
  description:
    'The captured name is bound (once in its function, or by the statement just before the read) to a tuple or list written out whose every part is a constant string or a value not named for a secret, as it is or through `str()` (`ceph_secret = (backend.user, secret_uuid)`): a record of identifiers, whatever its own name says. Use under `not:`.',
  checkArg: expectTrue,
  test: (node) => holdsTupleOfIds(node),
};
