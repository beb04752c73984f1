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
    redis.Redis(host="cache", ssl=False)  # ok: DS501 ssl=False outside aiohttp means "plain connection"
    m = mock.Mock()
    m.get.assert_called_once_with(url, verify=False)  # ok: DS501 a mock assertion describes a call
    return client, sess


async def fetch_async(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=False) as resp:  # expect: DS501
            return await resp.text()


def connector():
    return aiohttp.TCPConnector(ssl=False)  # expect: DS501


def secure_connector(ctx):
    return aiohttp.TCPConnector(ssl=ctx)  # ok: DS501 an SSL context verifies
