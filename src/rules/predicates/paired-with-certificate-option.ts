import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

// networking-vpp declares `jwt_node_cert`, `jwt_node_private_key` and `jwt_ca_cert` in one list of
// options and hands all three to a helper in another module that opens each as a PEM file: a
// private key declared beside the certificate of the same prefix is the key file of a certificate
// and key pair, as `ssl_cert_file`/`ssl_key_file` are, even where its help does not say "file".
// Another prefix (`signing_private_key` beside `nova_client_cert`) pairs with nothing.

/** An option name that is a private key's, not a password's, and its prefix: `jwt_node` of `jwt_node_private_key`. */
const PRIVATE_KEY = /^(.*?)[_-]?priv(?:ate)?[_-]?key$/i;
/** The certificate option names of a prefix: `jwt_node_cert`, `jwt_node_certificate`, `jwt_node_cert_file`. */
const certificateOf = (prefix: string) => new RegExp(`^${prefix.replace(/[^A-Za-z0-9]/g, '[_-]')}[_-]?(?:cert|certificate)(?:[_-]?file)?$`, 'i');

/** The first string argument of a call (an option's name), or null. */
function optionName(call: SyntaxNode): string | null {
  if (call.type !== 'call') return null;
  const first = call.childForFieldName('arguments')?.namedChildren.find((c) => c.type !== 'comment');
  return first?.type === 'string' ? stringValue(first) : null;
}

/**
 * True when the captured option name names a private key and the list (or tuple) of options it is
 * declared in also declares the certificate of the same prefix: the pair's key file, a path.
 */
export function pairedWithCertificateOption(name: SyntaxNode): boolean {
  const option = stringValue(name);
  const prefix = option === null ? null : PRIVATE_KEY.exec(option)?.[1];
  if (prefix === undefined || prefix === null) return false;
  const call = name.parent?.parent;
  const list = call?.parent;
  if (call?.type !== 'call' || (list?.type !== 'list' && list?.type !== 'tuple')) return false;
  const certificate = certificateOf(prefix);
  return list.namedChildren.some((other) => other.id !== call.id && certificate.test(optionName(other) ?? ''));
}

/** See pairedWithCertificateOption. */
export const pairedWithCertificateOptionPredicate: Predicate = {
  name: 'paired-with-certificate-option',
  description:
    'The captured option name names a private key (`jwt_node_private_key`, `client_priv_key`) and the list of options it is declared in also declares the certificate of the same prefix (`jwt_node_cert`, `client_certificate`, `client_cert_file`): the key file of a certificate and key pair, a path; use under `not:`.',
  checkArg: expectTrue,
  test: (node) => pairedWithCertificateOption(node),
};
