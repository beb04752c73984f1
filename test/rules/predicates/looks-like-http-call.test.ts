import { looksLikeHttpCallPredicate, calleeWords } from '../../../src/rules/predicates/looks-like-http-call.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';

/** Tests the call holding `verify=False` in the snippet (the last line's outermost such call). */
const isHttp = (source: string) => {
  const tree = parsePython(source);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const call = tree.rootNode
    .descendantsOfType('call')
    .find((c) => c.childForFieldName('arguments')!.namedChildren.some((a) => a.type === 'keyword_argument' && a.text.replace(/\s/g, '') === 'verify=False'));
  if (!call) throw new Error(`no verify=False call in ${source}`);
  return looksLikeHttpCallPredicate.test(call, true, { path: 'app.py', imports });
};

describe('calleeWords', () => {
  it('splits snake_case and CamelCase, acronyms included', () => {
    expect(calleeWords('ZVMConnector')).toEqual(['zvm', 'connector']);
    expect(calleeWords('_get_ondisk_files')).toEqual(['get', 'ondisk', 'files']);
    expect(calleeWords('HTTPSConnectionPool')).toEqual(['https', 'connection', 'pool']);
    expect(calleeWords('OciClient')).toEqual(['oci', 'client']);
  });
});

describe('looks-like-http-call', () => {
  it.each([
    ['import requests\nrequests.get(u, verify=False)\n', 'requests, by import'],
    ['from requests import get as fetch\nfetch(u, verify=False)\n', 'an alias of requests.get'],
    ['import requests as rq\nrq.request("GET", u, verify=False)\n', 'requests.request'],
    ['from keystoneauth1 import session\nsession.Session(auth=a, verify=False)\n', 'a keystoneauth1 Session'],
    ['import httpx\nhttpx.AsyncClient(verify=False)\n', 'an httpx client'],
    ['from novaclient import client as nc\nnc.make(verify=False)\n', 'a *client package'],
    ['from zvmconnector import connector\nconnector.ZVMConnector(h, p,\n    ssl_enabled=True,\n    verify=False)\n', 'a client-named constructor, multi-line'],
    ['c = HttpSession(long_connection=True, verify=False)\n', 'a session-named class'],
    ['self.session.get(url_for(x), verify=False)\n', 'a verb on a session'],
    ['self._request("GET", path, verify=False)\n', 'a private request helper'],
    ['self.safe_get(path, verify=False)\n', 'a verb after a harmless prefix'],
    ['self._session.send(prepared, verify=False)\n', 'any method of a session object'],
    ['get_session().mount_and_send(p, verify=False)\n', 'a method of a session a call returns'],
    ['getattr(self.session, method)(p, verify=False)\n', 'a method of a session picked by getattr'],
    ['import requests\ngetattr(requests, method)(p, verify=False)\n', 'a requests function picked by getattr'],
    ['import functools\nimport requests\nfunctools.partial(requests.post, verify=False)\n', 'a partial of requests.post'],
    ['wrapped(self, *args, headers=h, proxies=p, verify=False)\n', 'request keywords'],
    ['self._send_json(endpoint, body, verify=False)\n', 'an endpoint argument'],
    ['fetch_and_process(self.base_url, verify=False)\n', 'a URL attribute argument'],
    ['download("https://example.com/x", verify=False)\n', 'a URL literal'],
    ['docker.tls.TLSConfig(client_cert=c, verify=False)\n', 'a TLS-named constructor'],
  ])('%s: %s', (source) => expect(isHttp(source)).toBe(true));

  it.each([
    ['self.get_ondisk_files(files, hsh_path, verify=False, **kwargs)\n', 'swift: the on-disk file contract'],
    ['self.diskfile_mgr.get_ondisk_files(\n    union_files, "",\n    verify=False)\n', 'swift, multi-line on a manager'],
    ['guest_models.DatastoreUser.deserialize(root, verify=False)\n', 'trove: model validation'],
    ['from trove.common.db import models as m\nm.DatastoreSchema.deserialize(\n    schema, verify=False)\n', 'trove, through an alias'],
    ['import jwt\njwt.decode(token, key, verify=False)\n', 'PyJWT signatures'],
    ['store.read(verify=False)\n', 'a store read'],
    ['self.client.deserialize(data, verify=False)\n', 'a method of an API client that is neither a verb nor a request'],
    ['image.checksum_file(path, verify=False)\n', 'a checksum'],
    ['client.deserialize(data, verify=False)\n', 'a local named `client` is no *client package'],
  ])('%s: %s is not HTTP', (source) => expect(isHttp(source)).toBe(false));
});
