import type { ImportMap } from '../../analysis/import-map.js';
import { nodesNamed } from '../../analysis/named-nodes.js';
import { stringValue } from '../../analysis/string-literal.js';
import type { SyntaxNode } from '../../analysis/syntax.js';
import { usedAsPath } from './used-as-path.js';
import { expectTrue, type Predicate } from './predicate.js';

// ec2-api declares `cfg.StrOpt('nova_client_priv_key', help="Private key of client certificate.")`
// and, lower in the same module, hands `CONF.metadata.nova_client_priv_key` to httplib2's
// `add_certificate(key_file, cert_file, domain)`: the option holds the key file's path, which
// oslo.config may log as it pleases. Its help does not say "file", so the file's own use tells.

/**
 * True when the captured option name (a string: `'nova_client_priv_key'`, or `'ssl-key'` read as
 * `ssl_key`) is read in the same file as an attribute (`CONF.group.name`) that its function gives
 * a file call as the path (see usedAsPath): the option names a file.
 */
export function optionReadAsPath(name: SyntaxNode, imports: ImportMap): boolean {
  const option = stringValue(name);
  if (option === null || option === '') return false;
  return nodesNamed(name.tree, 'attribute', option.replace(/-/g, '_')).some((read) => usedAsPath(read, imports));
}

/** The captured option name is read in the same file as a path given to a file call (see optionReadAsPath). */
export const optionReadAsPathPredicate: Predicate = {
  name: 'option-read-as-path',
  description:
    "The captured option name (the string of `cfg.StrOpt('nova_client_priv_key', …)`) is read in the same file as an attribute (`CONF.metadata.nova_client_priv_key`) that its function hands a file call as the path (`open(x)`, `h.add_certificate(key, cert, domain)`, `ctx.load_cert_chain(cert, key)`, a `keyfile=` keyword: see `used-as-path`): the option holds a file's path, not the secret; use under `not:`.",
  checkArg: expectTrue,
  test: (node, _arg, ctx) => optionReadAsPath(node, ctx.imports),
};
