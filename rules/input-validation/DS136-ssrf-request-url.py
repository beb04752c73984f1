import httpx
import requests
from flask import request
from urllib.request import urlopen

CALLBACKS = {"billing": "https://billing.example.com/hook"}


def proxy(req):
    resp = requests.get(request.args["callback"], timeout=5)  # expect: DS136
    requests.post(  # expect: DS136
        f"https://{request.args.get('host')}/notify",
        json={"ok": True},
        timeout=5,
    )
    httpx.get(url=request.json["avatar_url"])  # expect: DS136
    urlopen(req.params["image"])  # expect: DS136
    requests.get(CALLBACKS[request.args["callback"]], timeout=5)  # ok: DS136 looked up in a constant allow-list
    requests.get("https://api.example.com/users", params=request.args, timeout=5)  # ok: DS136 fixed URL, request values as query parameters
    requests.get("https://api.example.com/users/" + str(current_user.id), timeout=5)  # ok: DS136 not from the request
    requests.get(requested.args_url, timeout=5)  # ok: DS136 `requested` is not the request
    return resp


def cached_callback(cache):
    # A value from the request used as a key: nothing is fetched.
    return cache.get(request.args["callback"])  # ok: DS136 a cache lookup, not a fetch
