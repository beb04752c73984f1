import { pairedWithCertificateOptionPredicate } from '../../../src/rules/predicates/paired-with-certificate-option.js';
import { parsePython } from '../../../src/analysis/python-parser.js';

/** Asks of the string naming `option` in the snippet: an option's name as `cfg.StrOpt('…')` declares it. */
const paired = (source: string, option: string) => {
  const name = parsePython(source).rootNode.descendantsOfType('string').find((s) => s.text === `'${option}'`)!;
  return pairedWithCertificateOptionPredicate.test(name, true, { path: 'config_opts.py' } as never);
};

const opts = (...names: string[]) => `from oslo_config import cfg\nopts = [\n${names.map((n) => `    cfg.StrOpt('${n}', help='x'),\n`).join('')}]\n`;

describe('paired-with-certificate-option', () => {
  it.each([
    // networking-vpp: the node's certificate and key, both PEM files.
    [opts('jwt_ca_cert', 'jwt_node_cert', 'jwt_node_private_key'), 'jwt_node_private_key'],
    [opts('client_priv_key', 'client_cert_file'), 'client_priv_key'],
    [opts('ssl-certificate', 'ssl-private-key'), 'ssl-private-key'],
    [`from oslo_config import cfg\nopts = (cfg.StrOpt('private_key'), cfg.StrOpt('cert'))\n`, 'private_key'],
  ])('%j: %s is the pair\'s key file', (source, option) => {
    expect(paired(source, option)).toBe(true);
  });

  it.each([
    // No certificate of its prefix beside it.
    [opts('nova_client_cert', 'signing_private_key'), 'signing_private_key'],
    [opts('etcd_private_key'), 'etcd_private_key'],
    // Not a private key: a password stays a secret whatever is beside it.
    [opts('jwt_node_cert', 'jwt_node_password'), 'jwt_node_password'],
    [opts('jwt_node_cert', 'jwt_node_key_passphrase'), 'jwt_node_key_passphrase'],
    // Not declared in a list of options.
    [`from oslo_config import cfg\nkey = cfg.StrOpt('node_private_key')\ncert = cfg.StrOpt('node_cert')\n`, 'node_private_key'],
  ])('%j: %s is not', (source, option) => {
    expect(paired(source, option)).toBe(false);
  });
});
