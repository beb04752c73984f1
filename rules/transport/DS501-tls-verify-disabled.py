import aiohttp
import httpx
import jwt
import redis
import requests
import requests as rq
from keystoneauth1 import session as ks_session
from oslo_config import cfg
from requests import get as fetch
from unittest import mock
from zvmconnector import connector

from trove.guestagent import models as guest_models

CONF = cfg.CONF


def fetch_images(url, token):
    requests.get(url, verify=False)  # expect: DS501
    rq.post(url, json={}, verify=False)  # expect: DS501
    fetch(url, headers={"X-Auth-Token": token}, verify=False)  # expect: DS501
    client = httpx.Client(verify=False)  # expect: DS501
    sess = ks_session.Session(auth=None, verify=False)  # expect: DS501
    s = requests.Session()
    s.verify = False  # expect: DS501
    self_session = requests.Session()
    self_session.get(
        url,
        timeout=10,
        verify=False,  # expect: DS501
    )
    requests.get(url, verify=CONF.ca_file)  # ok: DS501 verifies against a configured CA bundle
    requests.get(url, verify=True)  # ok: DS501 verification on
    requests.get(url, verify="/etc/ssl/certs/ca.pem")  # ok: DS501 CA bundle path
    s.verify = CONF.ca_file  # ok: DS501 CA bundle from config
    jwt.decode(token, verify=False)  # ok: DS501 signature check, not TLS (a different defect)
    claims = jwt.decode(token, verify=False,  # ok: DS501 PyJWT 1's signature check, though its issuer is a URL: not TLS
                        issuer=CONF.oidc.issuer_url)
    redis.Redis(host="cache", ssl=False)  # ok: DS501 ssl=False outside aiohttp means "plain connection"
    m = mock.Mock()
    m.get.assert_called_once_with(url, verify=False)  # ok: DS501 a mock assertion describes a call
    return client, sess, claims


async def fetch_async(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=False) as resp:  # expect: DS501
            return await resp.text()


def connector():
    return aiohttp.TCPConnector(ssl=False)  # expect: DS501


def secure_connector(ctx):
    return aiohttp.TCPConnector(ssl=ctx)  # ok: DS501 an SSL context verifies


class DiskFileManager(object):
    def cleanup_ondisk_files(self, hsh_path, files, **kwargs):
        results = self.get_ondisk_files(files, hsh_path, verify=False, **kwargs)  # ok: DS501 checks the on-disk file contract, not TLS
        union = self.diskfile_mgr.get_ondisk_files(
            files, "",
            verify=False)  # ok: DS501 the same look-alike, multi-line on another object
        return results, union


def list_users(client, root):
    models = guest_models
    user = models.DatastoreUser.deserialize(root, verify=False)  # ok: DS501 skips validating the model's fields
    schemas = [guest_models.DatastoreSchema.deserialize(
        schema, verify=False) for schema in client.list_schemas()]  # ok: DS501 the same, through the module
    return user, schemas


class RestClient(object):
    def __init__(self, host, port, ca_file=None):
        if ca_file:
            self._conn = connector.ZVMConnector(host, port, ssl_enabled=True, verify=ca_file)  # ok: DS501 verifies against a CA file
        else:
            self._conn = connector.ZVMConnector(host, port,
                                                ssl_enabled=True,
                                                verify=False)  # expect: DS501
        self.session = requests.Session()

    def _request(self, method, url, **kwargs):
        return self.session.request(method, url, verify=False, **kwargs)  # expect: DS501

    def call(self, method, path, body=None):
        url = "https://%s%s" % (self.host, path)
        send = getattr(self.session, method.lower())
        resp = getattr(self.session, method.lower())(url, json=body, verify=False)  # expect: DS501
        return send, resp, self.post_json(url, body)

    def post_json(self, endpoint, body):
        return self._send_json(endpoint, body, verify=False)  # expect: DS501

    def _send_json(self, endpoint, body, verify=True):
        return self._request("POST", endpoint, json=body, verify=verify)  # ok: DS501 the caller's setting, not False
