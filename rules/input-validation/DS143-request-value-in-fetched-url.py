import urllib.request

import httpx
import pecan
import requests
from flask import request

CALLBACKS = {"billing": "https://billing.example.com/hook"}
ALLOWED_HOSTS = {"images.example.com"}


def _image_url(host, name):
    """A same-file helper: the host travels into the returned URL."""
    return "https://%s/images/%s" % (host, name)


def hook():
    target = request.json["callback"]
    return requests.post(  # expect: DS143
        target,
        timeout=5,
    )


def image():
    url = _image_url(request.args.get("host"), "x.img")
    return requests.get(url, timeout=5)  # expect: DS143


def proxy(req):
    params = req.params
    base = params["base"]
    full = f"{base}/v2/status"
    return urllib.request.urlopen(full)  # expect: DS143


class Controller(object):
    def fetch(self):
        body = pecan.request.body
        self.remote = body.decode()
        return httpx.get(url=self.remote)  # expect: DS143

    def stream(self):
        data = request.get_json()
        return httpx.stream("GET", data["u"])  # ok: DS143 the first argument is the method

    def tail(self):
        host = request.args["host"]
        return requests.request(url="http://" + host + "/tail")  # expect: DS143

    def direct(self):
        return requests.get(request.args["url"], timeout=5)  # ok: DS143 written in the call: DS136 reports it

    def table(self):
        target = CALLBACKS[request.args["cb"]]
        return requests.post(target, timeout=5)  # ok: DS143 looked up in a fixed table

    def allowed(self):
        host = request.args["host"]
        if host not in ALLOWED_HOSTS:
            pecan.abort(400)
        return requests.get("https://%s/" % host, timeout=5)  # ok: DS143 membership in a constant set

    def configured(self, conf):
        url = conf.glance_url
        return requests.get(url, timeout=5)  # ok: DS143 a config value

    def numbered(self):
        page = int(request.args["page"])
        url = "https://api.example.com/items?page=%d" % page
        return requests.get(url, timeout=5)  # ok: DS143 int() cannot name a host


def remember_target(store):
    # The request's value goes into a store, not into a URL that is fetched.
    target = request.args["target"]
    return store.put("https://mirror.example.org/" + target)  # ok: DS143 a key-value store's put, not an HTTP client
