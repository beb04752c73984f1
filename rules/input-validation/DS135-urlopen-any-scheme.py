import urllib.request
from urllib.request import Request, urlopen

from six.moves import urllib as six_urllib

LEX_URL = "https://raw.githubusercontent.com/mysql/mysql-server/8.0/sql/lex.h"


def fetch(image_url, name, metadata_host):
    body = urllib.request.urlopen(image_url).read()  # expect: DS135
    req = Request(image_url, headers={"Accept": "application/json"})  # expect: DS135
    six_urllib.request.urlopen(  # expect: DS135
        metadata_host + "/openstack/latest/meta_data.json",
        timeout=10,
    )
    opener = urllib.request.URLopener()  # expect: DS135
    urllib.request.urlretrieve(image_url, "/var/lib/images/" + name)  # expect: DS135
    urlopen("https://images.example.com/" + name)  # ok: DS135 fixed https scheme
    urlopen(f"http://{metadata_host}/latest/meta-data/")  # ok: DS135 f-string with a fixed http scheme
    urlopen(Request("https://example.com/api"))  # ok: DS135 judged on the inner Request
    lex = urlopen(LEX_URL).read()  # ok: DS135 a module constant with a fixed https scheme
    return body, req, opener, lex


def fetch_with_session(session, image_url):
    # The same call shape through a requests session: requests speaks http and https only.
    return session.get(image_url).content  # ok: DS135 a requests session, not urllib
