import { optionReadAsPathPredicate } from '../../../src/rules/predicates/option-read-as-path.js';
import { firstNode } from '../../helpers/parse.js';

/** Asks of the first string of the snippet: an option's name as `cfg.StrOpt('…')` declares it. */
const readAsPath = (source: string) => {
  const { node, imports } = firstNode(source, 'string');
  return optionReadAsPathPredicate.test(node, true, { path: 'metadata/__init__.py', imports });
};

const OPTS = "from oslo_config import cfg\nopts = [cfg.StrOpt('nova_client_priv_key', help='Private key of client certificate.')]\n";

describe('option-read-as-path', () => {
  it.each([
    // ec2-api's metadata proxy: httplib2 takes the key file first.
    [`${OPTS}def proxy(h, addr):\n    h.add_certificate(CONF.metadata.nova_client_priv_key, CONF.metadata.cert, addr)\n`],
    [`${OPTS}def load():\n    with open(CONF.metadata.nova_client_priv_key) as f:\n        return f.read()\n`],
    // A dashed option is read with underscores.
    ["from oslo_config import cfg\nopts = [cfg.StrOpt('ssl-private-key')]\ndef serve(ctx):\n    ctx.load_cert_chain(CONF.ssl_cert, CONF.ssl_private_key)\n"],
    // One read used as a path is enough: the option names a file.
    [`${OPTS}def proxy(h, addr):\n    log(CONF.metadata.nova_client_priv_key)\n    h.add_certificate(CONF.metadata.nova_client_priv_key, CONF.metadata.cert, addr)\n`],
  ])('%j: the option holds a path', (source) => {
    expect(readAsPath(source)).toBe(true);
  });

  it.each([
    // Declared, never read here.
    [OPTS],
    // Read, but used as the key itself.
    [`${OPTS}import hmac\ndef sign(body):\n    return hmac.new(CONF.metadata.nova_client_priv_key.encode(), body)\n`],
    // Another option's read as a path does not count.
    [`${OPTS}def load():\n    open(CONF.metadata.nova_client_cert)\n`],
    // Read and handed on, never to a file call.
    [`${OPTS}def f():\n    key = CONF.metadata.nova_client_priv_key\n    sign(key)\n`],
  ])('%j: it does not', (source) => {
    expect(readAsPath(source)).toBe(false);
  });

  it('takes true', () => {
    expect(optionReadAsPathPredicate.checkArg(true)).toBeNull();
    expect(optionReadAsPathPredicate.checkArg('yes')).toMatch(/takes/);
  });
});
