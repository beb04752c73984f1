import urllib.request
from urllib.request import urlopen

import httpx
import requests
import requests as rq
from lxml import etree

XSI = "http://www.w3.org/2001/XMLSchema-instance"  # ok: DS504 XML namespace, not fetched
SOAP_NS = {"soap": "http://schemas.xmlsoap.org/soap/envelope/"}  # ok: DS504 namespace map


def download(session, token):
    requests.get("http://images.internal.corp/v2/images", timeout=30)  # expect: DS504
    rq.post("http://10.0.0.5:8080/upload", data=b"", timeout=30)  # expect: DS504
    resp = urlopen("http://downloads.vendor.net/firmware.bin")  # expect: DS504
    req = urllib.request.Request("http://api.vendor.net/v1/status")  # expect: DS504
    client = httpx.Client()
    client.request("GET", "http://metrics.corp:9100/metrics")  # expect: DS504
    session.get(url="http://keystone.corp/v3/auth/tokens", headers={"X-Auth-Token": token})  # expect: DS504
    requests.get("https://images.internal.corp/v2/images", timeout=30)  # ok: DS504 https
    requests.get("http://localhost:8774/v2.1", timeout=5)  # ok: DS504 loopback
    requests.get("http://127.0.0.1:35357/", timeout=5)  # ok: DS504 loopback address
    requests.get("http://169.254.169.254/openstack/latest/meta_data.json", timeout=5)  # ok: DS504 link-local metadata service
    session.get("http://api.example.com/v1", timeout=5)  # ok: DS504 reserved example domain
    element = etree.Element("{http://www.w3.org/2001/XMLSchema}schema")  # ok: DS504 namespace, not a request
    link = {"href": "http://docs.openstack.org/api/openstack-compute/2.1"}  # ok: DS504 a link, not a request
    return resp, req, element, link, XSI, SOAP_NS
