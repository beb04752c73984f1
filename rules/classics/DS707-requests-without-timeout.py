import requests
import requests as rq
from oslo_config import cfg
from requests import post

CONF = cfg.CONF


def fetch(url, data, kwargs):
    a = requests.get(url)  # expect: DS707
    b = rq.put(url, data=data)  # expect: DS707
    c = post(url, json=data)  # expect: DS707
    d = requests.request("DELETE", url)  # expect: DS707
    e = requests.head(url, timeout=None)  # expect: DS707
    f = requests.patch(  # expect: DS707
        url,
        data=data,
    )
    ok1 = requests.get(url, timeout=30)  # ok: DS707 timeout given
    ok2 = rq.post(url, data=data, timeout=CONF.http_timeout)  # ok: DS707 timeout from config
    ok3 = requests.get(url, **kwargs)  # ok: DS707 kwargs may hold the timeout
    session = requests.Session()  # ok: DS707 not a request
    ok4 = session.get(url, timeout=10)  # ok: DS707 timeout given
    return a, b, c, d, e, f, ok1, ok2, ok3, session, ok4


def notify(url, body):
    requests.post(url, json=body  # expect: DS707
                  )
    requests.post(  # expect: DS707
        url,
        json=body,  # the payload
    )
    requests.get()  # expect: DS707
