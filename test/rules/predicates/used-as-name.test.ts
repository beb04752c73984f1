import { ImportMap } from '../../../src/analysis/import-map.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { usedAsName } from '../../../src/rules/predicates/used-as-name.js';

/** Asks of the first read of `name` (an identifier or attribute written as `name`) inside a call to `log`. */
function loggedIsName(source: string, name: string): boolean {
  const tree = parsePython(source);
  const imports = new ImportMap();
  const use = tree.rootNode
    .descendantsOfType(['identifier', 'attribute'])
    .find((n) => n.text === name && n.parent?.parent?.type === 'call' && n.parent.parent.childForFieldName('function')?.text === 'log');
  return usedAsName(use!, imports);
}

const BACKEND = 'class Backend:\n    def drop_named_database(self, ident, conditional=False):\n        pass\n    def login(self, user_name, password=None):\n        pass\n    @staticmethod\n    def rename(old, new_name):\n        pass\n';
const IMPL = 'class Impl:\n    def drop_named_database(self, engine, ident, conditional=False):\n        pass\n';

describe('used-as-name', () => {
  it.each([
    [`${BACKEND}def f(resource):\n    log(resource.db_token)\n    resource.backend.drop_named_database(resource.db_token)\n`, 'resource.db_token', "oslo.db's provisioning: a method's `ident`"],
    [`${BACKEND}${IMPL}def f(backend, db_token):\n    log(db_token)\n    backend.drop_named_database(db_token, conditional=True)\n`, 'db_token', 'only the definition that accepts the call counts'],
    [`def make(name):\n    pass\ndef f(token):\n    log(token)\n    make(name=token)\n`, 'token', 'a keyword'],
    [`${BACKEND}def f(x, token):\n    log(token)\n    Backend.rename(x, token)\n`, 'token', 'a static method, no receiver'],
    [`def make(kind, volume_name):\n    pass\ndef f(secret_ref):\n    log(secret_ref)\n    make("x", (secret_ref))\n`, 'secret_ref', 'a `…_name` parameter'],
    [`${BACKEND}def f(backend, new):\n    if new:\n        db_token = rand()\n        log(db_token)\n        backend.drop_named_database(db_token)\n    else:\n        db_token = None\n    return db_token\n`, 'db_token', "assigned again only in the `if`'s other branch"],
    [`def f(line):\n    _, _, line_secret = line.partition("\\t")\n    log(line_secret)\n    secret_name = line_secret.strip()\n`, 'line_secret', "StarlingX's Secret name from a kubectl listing: bound, stripped, to a local called a name"],
    [`def f(token):\n    log(token)\n    name = str(token)\n`, 'token', 'bound through str() to `name`'],
    [`def f(v1, secret_name, secret_key):\n    secret = v1.read_namespaced_secret(name=secret_name, namespace="ns")\n    raw = (secret.data or {}).get(secret_key)\n    log(secret_key)\n`, 'secret_key', "understack's key of a Kubernetes Secret's data"],
    [`def f(kube, name, secret_key):\n    secret = kube.kube_get_secret(name, "ns")\n    data = getattr(secret, 'data', None)\n    if secret_key not in data:\n        log(secret_key)\n`, 'secret_key', 'tested against the data, bound through getattr'],
    [`def f(v1, n, secret_key):\n    secret = v1.read_namespaced_secret(n, "ns")\n    log(secret_key)\n    return secret.data[secret_key]\n`, 'secret_key', 'a subscript of the data'],
  ])('%#: %s is a name (%s)', (source, name) => expect(loggedIsName(source, name)).toBe(true));

  it.each([
    [`${BACKEND}def f(backend, token):\n    log(token)\n    backend.login(token)\n`, 'token', 'a user name: a token may be sent as one'],
    [`${BACKEND}${IMPL}def f(backend, token):\n    log(token)\n    backend.drop_named_database(token, True, 5)\n`, 'token', 'only Impl accepts three: its `engine`'],
    [`def make(token_name):\n    pass\ndef f(token):\n    log(token)\n    make(token)\n`, 'token', 'a parameter named for a secret'],
    [`def make(name):\n    pass\ndef f(backend, token):\n    log(token)\n    backend.make(token)\n`, 'token', 'a top-level function is not a method'],
    [`class B:\n    def make(self, name):\n        pass\ndef f(token):\n    log(token)\n    make(token)\n`, 'token', 'a method is not a top-level function'],
    [`def make(name, *args):\n    pass\ndef f(token):\n    log(token)\n    make("x", token)\n`, 'token', 'taken by *args'],
    [`def make(name):\n    pass\ndef f(token, more):\n    log(token)\n    make(*more, token)\n`, 'token', 'a splat first: the position is unknown'],
    [`def make(name):\n    pass\ndef f(backend, token):\n    make(token)\n    token = backend.fetch()\n    log(token)\n`, 'token', 'assigned again after'],
    [`def f(backend, token):\n    log(token)\n    backend.drop(token)\n`, 'token', 'a function defined elsewhere'],
    [`${BACKEND}${IMPL}def f(impl, engine, token):\n    log(token)\n    impl.drop_named_database(engine, token)\n`, 'token', "Backend's method accepts two as well, the second as `conditional`"],
    [`${IMPL}def f(impl, engine, token):\n    log(engine)\n    impl.drop_named_database(engine, ident=token)\n`, 'engine', 'another argument of the call'],
    [`${BACKEND}def f(backend, new):\n    if new:\n        log(db_token)\n        backend.drop_named_database(db_token)\n    if not new:\n        db_token = None\n`, 'db_token', 'assigned again after, under another `if`'],
    [`${BACKEND}def f(backend, xs):\n    for x in xs:\n        if x:\n            log(db_token)\n            backend.drop_named_database(db_token)\n        else:\n            db_token = x.token\n`, 'db_token', 'the other branch, in a loop: a later pass may rebind it first'],
    [`def f(line_secret):\n    log(line_secret)\n    user_name = line_secret.strip()\n`, 'line_secret', "a user's name: a secret may be sent as one"],
    [`def f(line_secret):\n    log(line_secret)\n    secret_value = line_secret.strip()\n`, 'line_secret', 'a local not called a name'],
    [`def f(line_secret):\n    log(line_secret)\n    secret_name = line_secret.split(":")\n`, 'line_secret', 'a call that is not a reshaping of the same text'],
    [`def f(cache, api_key):\n    value = cache.get(api_key)\n    log(api_key)\n`, 'api_key', 'a cache keyed by the key itself'],
    [`def f(v1, n, api_key):\n    secret = v1.list_namespaced_secret("ns")\n    raw = (secret.data or {}).get(api_key)\n    log(api_key)\n`, 'api_key', 'not a Secret read by its name'],
  ])('%#: %s is not (%s)', (source, name) => expect(loggedIsName(source, name)).toBe(false));
});
