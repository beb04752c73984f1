import socket
import socketserver
from http.server import HTTPServer, SimpleHTTPRequestHandler
from wsgiref.simple_server import make_server

import uvicorn
from flask import Flask
from oslo_config import cfg
from werkzeug.serving import run_simple

app = Flask(__name__)

ANY_ADDRESS = "0.0.0.0"

opts = [
    cfg.HostAddressOpt("metadata_listen", default="0.0.0.0"),  # ok: DS703 an option default (DS708)
]


def serve(port, handler, conf_host):
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    sock.bind(("::", port))  # expect: DS703
    server = socketserver.TCPServer(("", port), handler)  # expect: DS703
    httpd = HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler)  # expect: DS703
    wsgi = make_server("", 8080, app)  # expect: DS703
    run_simple("0.0.0.0", 5000, app)  # expect: DS703
    uvicorn.run(app, host="0.0.0.0", port=8000)  # expect: DS703
    app.run(host="0.0.0.0")  # expect: DS703
    sock.bind((conf_host, port))  # ok: DS703 address from configuration
    sock.bind(("127.0.0.1", port))  # ok: DS703 loopback
    app.run(host="127.0.0.1")  # ok: DS703 loopback
    app.run(host="")  # ok: DS703 keyword left empty means unset
    netmask = dict(address="0.0.0.0", prefix=0)  # ok: DS703 a route, not a bind
    return server, httpd, wsgi, netmask


def start(app, host="0.0.0.0", port=8080):  # ok: DS703 reported where it reaches the bind
    return uvicorn.run(app, host=host, port=port)  # expect: DS703


def start_local(app, listen_address: str = "::"):
    return uvicorn.run(app, host=listen_address)  # expect: DS703


def start_any(app, port):
    sock = socket.socket()
    sock.bind((ANY_ADDRESS, port))  # expect: DS703
    return sock


def describe(host="0.0.0.0", port=80):  # ok: DS703 a parameter named host that never reaches a bind
    return "%s:%s" % (host, port)


def start_configured(app, host="0.0.0.0"):
    host = cfg.CONF.host
    return uvicorn.run(app, host=host)  # ok: DS703 the default is replaced before the bind
