import { expectTrue, type Predicate } from './predicate.js';

// SAP's asr1k driver ships a neutronclient extension (`asr1k_neutron_l3/client_plugins/`) whose
// response handler raises `webob.exc.HTTPUnauthorized(resp.content)`: in a client the HTTP error
// class is how the server's answer reaches the client's own caller, not a body served to anyone.

/**
 * A folder of client code: `client/`, `clients/`, `client_plugins/`, or a package named for the
 * service it is a client of (`neutronclient/`, `ironicclient/`). A file named `client.py` alone
 * does not count: servers keep their clients of other services in such modules.
 */
export const CLIENT_PACKAGE = /(^|\/)(?:\w*client|clients|client_plugins?)\//;

/** True for a file inside a folder of client code (see CLIENT_PACKAGE). */
export function isClientPackagePath(path: string): boolean {
  return CLIENT_PACKAGE.test(path);
}

/** The file being scanned lies in a client package; the capture itself is not inspected. */
export const isClientPackage: Predicate = {
  name: 'is-client-package',
  description:
    'The file lies in a folder of client code: `client/`, `clients/`, `client_plugins/`, or a package named for the service it is a client of (`neutronclient/`, `ironicclient/`; a file named `client.py` alone does not count), where an HTTP error class carries the server\'s answer to the client\'s own caller, not to anyone the code serves; the capture is not inspected. Use under `not:`.',
  checkArg: expectTrue,
  test: (_node, _arg, ctx) => isClientPackagePath(ctx.path),
};
